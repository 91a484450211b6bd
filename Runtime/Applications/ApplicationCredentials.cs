namespace Flowgate.Runtime.Applications;

/// <summary>A new application's credentials. The secret is shown once: only its hash is stored.</summary>
public sealed record ApplicationCredentials(string Name, string ClientId, string? ClientSecret, string AppType);
