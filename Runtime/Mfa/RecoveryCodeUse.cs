namespace Flowgate.Runtime.Mfa;

/// <summary>A recovery code check; a used code is gone, so a new one is issued to show once.</summary>
public sealed record RecoveryCodeUse(MfaVerification Verification, string? NewRecoveryCode);
