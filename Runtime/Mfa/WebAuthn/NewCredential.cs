namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>A credential a registration created, checked and ready to store.</summary>
/// <param name="PublicKey">The COSE key as the authenticator sent it.</param>
/// <param name="BackupEligible">A synced passkey (BE flag), rather than a key bound to one device.</param>
public sealed record NewCredential(byte[] Id, byte[] PublicKey, uint SignCount, bool UserVerified, bool BackupEligible, string AttestationFormat);
