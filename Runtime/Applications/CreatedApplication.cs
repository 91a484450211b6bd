namespace Flowgate.Runtime.Applications;

/// <summary>A new application with its secret, which is shown this once: only its hash is stored.</summary>
public sealed record CreatedApplication(ApplicationDetails Application, string? ClientSecret);
