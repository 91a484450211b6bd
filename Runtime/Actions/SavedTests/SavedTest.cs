using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Actions.SavedTests;

/// <summary>
/// A test kept with an Action: an event and what the draft must do with it. Every saved test runs against
/// the draft before a deploy; one that fails refuses the deploy unless it is forced.
/// </summary>
public sealed class SavedTest : ITenantScoped
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ActionId { get; init; }
    public required string Name { get; init; }
    /// <summary>The event the draft runs with (a JSON object).</summary>
    public required string EventJson { get; init; }
    /// <summary><c>commands</c>, <c>no_deny</c> or <c>claim</c> (see <see cref="SavedTestKinds"/>).</summary>
    public required string Kind { get; init; }
    /// <summary>For <c>commands</c> the expected <c>[{"method", "args"}]</c>; for <c>claim</c> <c>{"token", "name", "value"}</c>.</summary>
    public string? ExpectedJson { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
