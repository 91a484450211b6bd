namespace Flowgate.Shared.Flows;

/// <summary>
/// The canary a bound Action takes part in: a newer version that a share of executions runs while the rest run the
/// stable one. Carried by the <see cref="BoundAction"/> (and so by a suspended flow) so that whoever records the run
/// knows which side it was on and how the canary is judged.
/// </summary>
public sealed record CanaryPolicy
{
    /// <summary>The version under trial.</summary>
    public required string CanaryVersionId { get; init; }

    /// <summary>The version the other executions run.</summary>
    public required string StableVersionId { get; init; }

    /// <summary>The share of executions, in percent, that run the canary.</summary>
    public required int Percent { get; init; }

    /// <summary>The canary's failure rate (0-1) past which it is rolled back.</summary>
    public required double MaxFailureRate { get; init; }

    /// <summary>Canary executions seen before the failure rate can roll it back.</summary>
    public required int MinExecutions { get; init; }
}
