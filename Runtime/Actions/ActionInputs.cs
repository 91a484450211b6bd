namespace Flowgate.Runtime.Actions;

/// <summary>A secret as written by an editor: a name and, when it changes, a new value.</summary>
/// <param name="Name">The secret's name (≤ 128 characters).</param>
/// <param name="Value">The new value; null keeps the stored one.</param>
public sealed record SecretInput(string Name, string? Value);

/// <summary>An npm dependency as written by an editor; a blank version means "latest, pinned at save".</summary>
public sealed record DependencyInput(string Name, string? Version);

/// <summary>What creating an Action takes (Auth0's <c>POST /actions/actions</c> body).</summary>
public sealed record ActionCreateRequest
{
    public required string Name { get; init; }
    public required string TriggerId { get; init; }
    /// <summary>Null: the trigger's current version.</summary>
    public string? TriggerVersion { get; init; }
    /// <summary>Null: the trigger's template.</summary>
    public string? Code { get; init; }
    public string? Runtime { get; init; }
    public IReadOnlyList<DependencyInput> Dependencies { get; init; } = [];
    public IReadOnlyList<SecretInput> Secrets { get; init; } = [];
}

/// <summary>A change to an Action's draft (Auth0's <c>PATCH</c>): null members stay as they are; lists replace.</summary>
public sealed record ActionUpdateRequest
{
    public string? Name { get; init; }
    public string? Code { get; init; }
    public string? Runtime { get; init; }
    public IReadOnlyList<DependencyInput>? Dependencies { get; init; }
    public IReadOnlyList<SecretInput>? Secrets { get; init; }
    /// <summary>
    /// An old version to load into the draft ("load into draft"): its runtime, dependencies and secrets (with the
    /// values it was deployed with) replace the draft's first; the other members then apply on top.
    /// </summary>
    public string? FromVersionId { get; init; }
    /// <summary>The draft's stamp as the editor last read it; a different stored stamp is a conflict.</summary>
    public Guid? ExpectedStamp { get; init; }
}
