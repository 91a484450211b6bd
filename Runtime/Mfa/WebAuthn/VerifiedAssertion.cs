namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>An assertion that passed: the counter to store and whether the user was verified (PIN, biometrics).</summary>
public sealed record VerifiedAssertion(uint SignCount, bool UserVerified);
