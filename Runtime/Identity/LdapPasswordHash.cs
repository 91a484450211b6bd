using System.Security.Cryptography;
using System.Text;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// An imported LDAP (RFC 2307) hash: <c>{SHA}</c>, <c>{SSHA}</c>, <c>{MD5}</c>, <c>{SMD5}</c>, <c>{SHA256}</c>,
/// <c>{SSHA256}</c>, <c>{SHA384}</c>, <c>{SSHA384}</c>, <c>{SHA512}</c>, <c>{SSHA512}</c>: base64 of the digest, followed by
/// the salt for the salted ("S") schemes, which hash <c>password + salt</c>.
/// </summary>
internal sealed record LdapPasswordHash(string Digest, byte[] Expected, byte[] Salt) : ImportedPasswordHash
{
    public override bool Verify(string password) =>
        CryptographicOperations.FixedTimeEquals(DigestPasswordHash.Compute(Digest, null, [.. Encoding.UTF8.GetBytes(password), .. Salt]), Expected);

    /// <summary>The hash, or why <paramref name="value"/> is not an LDAP hash Flowgate can verify.</summary>
    internal static (LdapPasswordHash? Hash, string? Problem) From(string value, string json)
    {
        var end = value.IndexOf('}');
        if (!value.StartsWith('{') || end < 0)
            return (null, "must be an RFC 2307 value such as {SSHA}base64");
        var scheme = value[1..end].ToUpperInvariant();
        // The salted schemes are the plain ones with an S in front: SSHA, SSHA256, SMD5 (SHA and SHA256 are not salted).
        var salted = scheme.StartsWith("SSHA", StringComparison.Ordinal) || scheme == "SMD5";
        var (digest, length) = (salted ? scheme[1..] : scheme) switch
        {
            "MD5" => ("md5", 16),
            "SHA" => ("sha1", 20),
            "SHA256" => ("sha256", 32),
            "SHA384" => ("sha384", 48),
            "SHA512" => ("sha512", 64),
            _ => (null, 0),
        };
        if (digest is null)
            return (null, $"the scheme {{{scheme}}} is not supported (SHA, SSHA, MD5, SMD5, SHA256/384/512 and their salted forms are)");
        if (HashEncoding.Decode(value[(end + 1)..], "base64") is not { } bytes || bytes.Length < length || (!salted && bytes.Length != length))
            return (null, $"the {{{scheme}}} value is not base64 of a {length}-byte digest{(salted ? " and a salt" : "")}");
        return (new LdapPasswordHash(digest, bytes[..length], bytes[length..]) { Json = json }, null);
    }
}
