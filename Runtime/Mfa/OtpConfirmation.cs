namespace Flowgate.Runtime.Mfa;

/// <summary>The end of an enrolment; the recovery code is shown to the user once and stored only hashed.</summary>
public sealed record OtpConfirmation(MfaVerification Verification, string? RecoveryCode);
