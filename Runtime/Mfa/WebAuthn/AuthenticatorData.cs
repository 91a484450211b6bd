using System.Buffers.Binary;
using System.Formats.Cbor;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// The authenticator data (WebAuthn §6.1): RP id hash, flags, sign counter and, at registration, the
/// attested credential (AAGUID, credential id, COSE public key).
/// </summary>
internal sealed record AuthenticatorData(byte[] RpIdHash, byte Flags, uint SignCount, byte[]? Aaguid, byte[]? CredentialId, byte[]? PublicKey)
{
    private const byte UserPresentFlag = 0x01;
    private const byte UserVerifiedFlag = 0x04;
    private const byte BackupEligibleFlag = 0x08;
    private const byte AttestedDataFlag = 0x40;

    /// <summary>Credential ids longer than this are refused (WebAuthn's limit is 1023 bytes).</summary>
    public const int MaxCredentialIdLength = 1023;

    public bool UserPresent => (Flags & UserPresentFlag) != 0;
    public bool UserVerified => (Flags & UserVerifiedFlag) != 0;
    public bool BackupEligible => (Flags & BackupEligibleFlag) != 0;

    public static AuthenticatorData Parse(byte[] data)
    {
        if (data.Length < 37)
            throw Malformed("The authenticator data is too short.");
        var flags = data[32];
        var signCount = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(33, 4));
        if ((flags & AttestedDataFlag) == 0)
            return new AuthenticatorData(data[..32], flags, signCount, null, null, null);
        if (data.Length < 55)
            throw Malformed("The attested credential data is truncated.");
        var idLength = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(53, 2));
        if (idLength > MaxCredentialIdLength || data.Length < 55 + idLength + 1)
            throw Malformed("The credential id length is not valid.");
        var keyStart = 55 + idLength;
        return new AuthenticatorData(data[..32], flags, signCount, data[37..53], data[55..keyStart], data[keyStart..(keyStart + CborLength(data, keyStart))]);
    }

    /// <summary>Checks the RP id hash and the user presence / verification flags.</summary>
    public void Check(RelyingParty rp, bool requireUserVerification)
    {
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(RpIdHash, rp.IdHash))
            throw new WebAuthnException(WebAuthnRefusal.WrongRelyingParty, $"The authenticator data is not for the relying party '{rp.Id}'.");
        if (!UserPresent)
            throw new WebAuthnException(WebAuthnRefusal.UserNotPresent, "The authenticator did not confirm the user's presence (UP flag not set).");
        if (requireUserVerification && !UserVerified)
            throw new WebAuthnException(WebAuthnRefusal.UserNotVerified, "The authenticator did not verify the user (UV flag not set), which is required.");
    }

    // The COSE key is CBOR of unknown length followed by optional extensions: read one value to find its end.
    private static int CborLength(byte[] data, int start)
    {
        try
        {
            var reader = new CborReader(data.AsMemory(start), CborConformanceMode.Lax, allowMultipleRootLevelValues: true);
            reader.SkipValue();
            return data.Length - start - reader.BytesRemaining;
        }
        catch (CborContentException)
        {
            throw Malformed("The credential public key is not valid CBOR.");
        }
    }

    private static WebAuthnException Malformed(string reason) => new(WebAuthnRefusal.Malformed, reason);
}
