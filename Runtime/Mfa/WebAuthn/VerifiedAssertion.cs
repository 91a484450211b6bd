namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>An assertion that passed: the counter to store.</summary>
public sealed record VerifiedAssertion(uint SignCount);
