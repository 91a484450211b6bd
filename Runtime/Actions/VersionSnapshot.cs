using System.Text.Json;

namespace Flowgate.Runtime.Actions;

/// <summary>How a version stores its dependencies and (still encrypted) secrets as JSON.</summary>
internal static class VersionSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Dependency(string Name, string Version);

    public sealed record Secret(string Name, string ProtectedValue, DateTimeOffset UpdatedAt);

    public static string Dependencies(IEnumerable<ActionDependency> dependencies) =>
        JsonSerializer.Serialize(dependencies.Select(d => new Dependency(d.Name, d.Version)), Json);

    public static string Secrets(IEnumerable<ActionSecret> secrets) =>
        JsonSerializer.Serialize(secrets.Select(s => new Secret(s.Name, s.ProtectedValue, s.UpdatedAt)), Json);

    public static IReadOnlyList<Dependency> ReadDependencies(string json) => JsonSerializer.Deserialize<List<Dependency>>(json, Json) ?? [];

    public static IReadOnlyList<Secret> ReadSecrets(string json) => JsonSerializer.Deserialize<List<Secret>>(json, Json) ?? [];
}
