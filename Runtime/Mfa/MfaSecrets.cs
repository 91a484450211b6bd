using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Flowgate.Runtime.Mfa;

/// <summary>Makes and protects factor secrets: TOTP keys encrypted at rest, recovery codes hashed.</summary>
public sealed class MfaSecrets(IDataProtectionProvider provider)
{
    /// <summary>Auth0's shape: one 24-character code (120 random bits) from an alphabet without look-alikes.</summary>
    public const int RecoveryCodeLength = 24;

    private readonly IDataProtector _protector = provider.CreateProtector("Flowgate.Mfa.OtpSecret.v1");

    /// <summary>160 random bits, the key size RFC 4226 recommends for HMAC-SHA1.</summary>
    public static byte[] NewOtpKey() => RandomNumberGenerator.GetBytes(20);

    public string Protect(byte[] key) => _protector.Protect(Convert.ToBase64String(key));

    public byte[] Unprotect(string protectedKey) => Convert.FromBase64String(_protector.Unprotect(protectedKey));

    /// <summary>Protects text that is not a key but still must not sit in the clear (a phone number).</summary>
    public string ProtectText(string text) => Protect(Encoding.UTF8.GetBytes(text));

    public string UnprotectText(string protectedText) => Encoding.UTF8.GetString(Unprotect(protectedText));

    public static string NewRecoveryCode() => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", RecoveryCodeLength);

    /// <summary>The stored form of a recovery code; what the user typed is normalised first (case, spaces, dashes).</summary>
    public static string HashRecoveryCode(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(Normalize(code))));

    private static string Normalize(string code) =>
        new([.. code.ToUpperInvariant().Where(c => c is not (' ' or '-'))]);
}
