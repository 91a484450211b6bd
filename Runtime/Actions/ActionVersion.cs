using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Actions;

/// <summary>An immutable, numbered snapshot of an Action's draft, made by a deploy or a rollback.</summary>
public sealed class ActionVersion : ITenantScoped
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ActionId { get; init; }
    public required int Number { get; init; }
    public required string Code { get; init; }
    public required string Runtime { get; init; }
    /// <summary>The dependencies as deployed, JSON <c>[{name, version, registry_url}]</c>.</summary>
    public string DependenciesJson { get; init; } = "[]";
    /// <summary>Secrets as deployed: names with their protected values, JSON.</summary>
    public string SecretsJson { get; init; } = "[]";
    /// <summary>Whether this is the version live traffic runs.</summary>
    public bool Deployed { get; set; }
    /// <summary>Which version this one copied, when it came from a rollback.</summary>
    public string? RolledBackFromVersionId { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset BuiltAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The names of the secrets as deployed (their values never leave the server).</summary>
    public IReadOnlyList<string> SecretNames() => [.. VersionSnapshot.ReadSecrets(SecretsJson).Select(s => s.Name)];

    /// <summary>The dependencies as deployed, as <c>name@version</c>.</summary>
    public IReadOnlyList<string> DependencyNames() => [.. VersionSnapshot.ReadDependencies(DependenciesJson).Select(d => $"{d.Name}@{d.Version}")];
}
