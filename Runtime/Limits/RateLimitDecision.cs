namespace Flowgate.Runtime.Limits;

/// <summary>What a hit got: allowed (and counted), or refused with how long until one would be allowed.</summary>
public sealed record RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    /// <summary>The row the hit was counted in, so <see cref="RateLimitCounters.ReleaseAsync"/> can give it back.</summary>
    internal (string Key, long WindowStart)? Counted { get; init; }
}
