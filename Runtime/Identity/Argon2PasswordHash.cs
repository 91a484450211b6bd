using System.Security.Cryptography;
using Konscious.Security.Cryptography;

namespace Flowgate.Runtime.Identity;

/// <summary>An imported argon2 hash (<c>$argon2id$v=19$m=..,t=..,p=..$salt$hash</c>, also argon2i and argon2d).</summary>
internal sealed record Argon2PasswordHash(PhcString Phc) : ImportedPasswordHash
{
    // Bounds checked at import: a login must not be made to spend a gigabyte or a minute.
    internal const int MaxMemoryKib = 256 * 1024, MaxIterations = 32, MaxParallelism = 16;

    public override bool Verify(string password)
    {
        var p = Phc;
        var bytes = System.Text.Encoding.UTF8.GetBytes(password);
        using Argon2 argon2 = p.Id switch
        {
            "argon2i" => new Argon2i(bytes),
            "argon2d" => new Argon2d(bytes),
            _ => new Argon2id(bytes),
        };
        argon2.Salt = p.Salt;
        argon2.MemorySize = p.Number("m", MaxMemoryKib)!.Value;
        argon2.Iterations = p.Number("t", MaxIterations)!.Value;
        argon2.DegreeOfParallelism = p.Number("p", MaxParallelism)!.Value;
        return CryptographicOperations.FixedTimeEquals(argon2.GetBytes(p.Hash.Length), p.Hash);
    }

    /// <summary>Null when <paramref name="phc"/> is an argon2 hash Flowgate can verify; otherwise why not.</summary>
    internal static string? Problem(PhcString phc) =>
        phc.Id is not ("argon2id" or "argon2i" or "argon2d") ? "must be an argon2id, argon2i or argon2d PHC string"
        : phc.Version is not (null or 19) ? "only argon2 version 19 (0x13) is supported"
        : phc.Number("m", MaxMemoryKib) is null || phc.Number("t", MaxIterations) is null || phc.Number("p", MaxParallelism) is null
            ? $"needs m (at most {MaxMemoryKib}), t (at most {MaxIterations}) and p (at most {MaxParallelism})"
        : null;
}
