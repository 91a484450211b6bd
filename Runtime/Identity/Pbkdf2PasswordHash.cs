using System.Security.Cryptography;
using System.Text;

namespace Flowgate.Runtime.Identity;

/// <summary>An imported PBKDF2 hash in Auth0's PHC-like form <c>$pbkdf2-sha512$i=100000,l=64$salt$hash</c> (B64 salt and hash).</summary>
internal sealed record Pbkdf2PasswordHash(HashAlgorithmName Digest, int Iterations, PhcString Phc) : ImportedPasswordHash
{
    internal const int MaxIterations = 5_000_000;

    public override bool Verify(string password) =>
        CryptographicOperations.FixedTimeEquals(
            Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Phc.Salt, Iterations, Digest, Phc.Hash.Length), Phc.Hash);

    /// <summary>The hash, or why <paramref name="phc"/> is not a PBKDF2 hash Flowgate can verify.</summary>
    internal static (Pbkdf2PasswordHash? Hash, string? Problem) From(PhcString phc, string json)
    {
        HashAlgorithmName? digest = phc.Id switch
        {
            "pbkdf2" or "pbkdf2-sha1" => HashAlgorithmName.SHA1,
            "pbkdf2-sha256" => HashAlgorithmName.SHA256,
            "pbkdf2-sha384" => HashAlgorithmName.SHA384,
            "pbkdf2-sha512" => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (digest is null)
            return (null, "must be a $pbkdf2-<digest>$ PHC string with digest sha1, sha256, sha384 or sha512");
        if (phc.Number("i", MaxIterations) is not { } iterations)
            return (null, $"needs the iteration count i (at most {MaxIterations})");
        // l, when given, is the key length: it must agree with the hash.
        if (phc.Parameters.ContainsKey("l") && phc.Number("l", 1024) != phc.Hash.Length)
            return (null, "the key length l does not match the hash's length");
        return (new Pbkdf2PasswordHash(digest.Value, iterations, phc) { Json = json }, null);
    }
}
