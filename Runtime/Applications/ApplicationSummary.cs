namespace Flowgate.Runtime.Applications;

/// <summary>An application as listed in the dashboard.</summary>
public sealed record ApplicationSummary(string ClientId, string Name, string AppType, DateTimeOffset CreatedAt, IReadOnlyList<string> Audiences);
