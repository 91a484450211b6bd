namespace Flowgate.Runtime.Actions.Canaries;

/// <summary>An Action's running canary: which version runs beside which, for what share, and how it is judged.</summary>
public sealed record ActionCanary(
    string ActionId, string StableVersionId, int StableVersionNumber, string CanaryVersionId, int CanaryVersionNumber,
    CanarySettings Settings, DateTimeOffset StartedAt);
