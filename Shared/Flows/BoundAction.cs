using Flowgate.Shared.Execution;

namespace Flowgate.Shared.Flows;

/// <summary>One Action bound to a trigger, at its currently deployed version.</summary>
public sealed record BoundAction
{
    /// <summary>The Action's id.</summary>
    public required string ActionId { get; init; }

    /// <summary>The Action's name (shown in execution records).</summary>
    public required string Name { get; init; }

    /// <summary>The deployed version's id; compiled code is cached under it.</summary>
    public required string VersionId { get; init; }

    /// <summary>The version's CommonJS source.</summary>
    public required string Code { get; init; }

    /// <summary>The Action's secrets, exposed as <c>event.secrets</c>.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>The version's npm dependencies.</summary>
    public IReadOnlyList<ActionDependency> Dependencies { get; init; } = [];

    /// <summary>The canary this binding runs under, when one is on; <see cref="VersionId"/> says which side this run is.</summary>
    public CanaryPolicy? Canary { get; init; }

    /// <summary>What an uncaught error in this Action does to the trigger.</summary>
    public ActionFailurePolicy FailurePolicy { get; init; } = ActionFailurePolicy.FailTrigger;
}
