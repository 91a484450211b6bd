using System.Security.Cryptography;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// An imported plain or salted digest (md5, sha1, sha256, sha512) or HMAC: <c>H(salt + password)</c> or
/// <c>H(password + salt)</c> by the salt's position, keyed when <see cref="Key"/> is set.
/// </summary>
internal sealed record DigestPasswordHash(string Algorithm, byte[] Expected, byte[]? Salt, bool SaltFirst, string PasswordEncoding, byte[]? Key)
    : ImportedPasswordHash
{
    public static readonly string[] Digests = ["md5", "sha1", "sha256", "sha384", "sha512"];

    public override bool Verify(string password)
    {
        var secret = HashEncoding.Password(password, PasswordEncoding);
        var salt = Salt ?? [];
        var input = SaltFirst ? [.. salt, .. secret] : (byte[])[.. secret, .. salt];
        return CryptographicOperations.FixedTimeEquals(Compute(Algorithm, Key, input), Expected);
    }

    internal static byte[] Compute(string algorithm, byte[]? key, byte[] input) => (algorithm, key) switch
    {
        ("md5", null) => MD5.HashData(input),
        ("sha1", null) => SHA1.HashData(input),
        ("sha256", null) => SHA256.HashData(input),
        ("sha384", null) => SHA384.HashData(input),
        ("sha512", null) => SHA512.HashData(input),
        ("md5", { } k) => HMACMD5.HashData(k, input),
        ("sha1", { } k) => HMACSHA1.HashData(k, input),
        ("sha256", { } k) => HMACSHA256.HashData(k, input),
        ("sha384", { } k) => HMACSHA384.HashData(k, input),
        ("sha512", { } k) => HMACSHA512.HashData(k, input),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "not a digest Flowgate verifies"),
    };
}
