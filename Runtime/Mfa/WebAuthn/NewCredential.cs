namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>A credential a registration created, checked by Fido2 and ready to store.</summary>
/// <param name="PublicKey">The credential's COSE key (the form Fido2 reads back at every assertion).</param>
/// <param name="AttestationFormat">The attestation statement's format (none, packed, fido-u2f, tpm, android-key, ...).</param>
public sealed record NewCredential(byte[] Id, byte[] PublicKey, uint SignCount, string AttestationFormat);
