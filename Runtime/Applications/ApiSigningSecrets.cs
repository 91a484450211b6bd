using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Flowgate.Runtime.Applications;

/// <summary>Makes and encrypts at rest the HS256 secrets of APIs; only the token signer and the API's owner read them back.</summary>
public sealed class ApiSigningSecrets(IDataProtectionProvider provider)
{
    /// <summary>
    /// Auth0 takes 16 characters; the secret's UTF-8 bytes are the HMAC key, and HS256 needs at least 256 bits of key
    /// (Microsoft.IdentityModel refuses less), so Flowgate asks for 32.
    /// </summary>
    public const int MinLength = 32;

    private readonly IDataProtector _protector = provider.CreateProtector("Flowgate.ApiSigningSecrets.v1");

    /// <summary>256 random bits in base64url, the size of Auth0's generated secrets and of an HMAC-SHA256 key.</summary>
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
