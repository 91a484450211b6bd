using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flowgate.Runtime.Applications;

/// <summary>A permission an API defines (Auth0's <c>{value, description}</c>), e.g. <c>read:appointments</c>.</summary>
public sealed record ResourceServerScope(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("description")] string Description)
{
    /// <summary>The scopes stored in <see cref="ResourceServer.ScopesJson"/>.</summary>
    public static IReadOnlyList<ResourceServerScope> Parse(string json) =>
        JsonSerializer.Deserialize<List<ResourceServerScope>>(json) ?? [];

    internal static string Serialize(IEnumerable<ResourceServerScope> scopes) => JsonSerializer.Serialize(scopes);
}
