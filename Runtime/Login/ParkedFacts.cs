namespace Flowgate.Runtime.Login;

/// <summary>A parked transaction, as the checks on resuming it need it.</summary>
/// <param name="ClientId">Null when it is not a login (a password reset, a factor step-up).</param>
/// <param name="Fingerprint">The fingerprint of the authorization request it was parked for.</param>
public sealed record ParkedFacts(LoginState State, string UserId, string? ClientId, string? Fingerprint);
