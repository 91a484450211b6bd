using System.Security.Cryptography;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// Checks a downloaded tarball against the registry's hash before anything is unpacked: the
/// strongest algorithm of <c>dist.integrity</c> (Subresource Integrity, <c>sha512-…</c>), or the
/// legacy <c>dist.shasum</c> (SHA-1, hex) when a package predates integrity.
/// </summary>
internal static class PackageIntegrity
{
    private static readonly (string Name, Func<byte[], byte[]> Hash)[] Algorithms =
        [("sha512", SHA512.HashData), ("sha384", SHA384.HashData), ("sha256", SHA256.HashData), ("sha1", SHA1.HashData)];

    public static void Verify(byte[] tarball, PackageDist dist, PackageKey package)
    {
        var published = (dist.Integrity ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(token => (Algorithm: token.Split('-', 2)[0], Digest: token.Split('-', 2).ElementAtOrDefault(1)?.Split('?')[0]))
            .ToList();
        foreach (var (name, hash) in Algorithms)
        {
            var expected = published.Where(p => p.Algorithm == name && p.Digest is not null).Select(p => p.Digest!).ToList();
            if (expected.Count == 0) continue;
            var actual = Convert.ToBase64String(hash(tarball));
            if (!expected.Contains(actual)) throw Mismatch(package, name);
            return;
        }
        if (dist.Shasum is { Length: > 0 } shasum)
        {
            if (!string.Equals(Convert.ToHexString(SHA1.HashData(tarball)), shasum, StringComparison.OrdinalIgnoreCase)) throw Mismatch(package, "shasum");
            return;
        }
        throw new PackageException($"The registry publishes no integrity hash for '{package}', so it cannot be verified; it was not installed.");
    }

    private static PackageException Mismatch(PackageKey package, string algorithm) =>
        new($"The package '{package}' failed its integrity check ({algorithm}): the downloaded tarball does not match the registry's hash. It was not installed.");
}
