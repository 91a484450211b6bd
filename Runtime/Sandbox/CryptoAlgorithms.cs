using System.Security.Cryptography;

namespace Flowgate.Runtime.Sandbox;

/// <summary>The digests the sandbox's <c>crypto</c> module offers, computed by the BCL.</summary>
internal static class CryptoAlgorithms
{
    public static byte[] Hash(string algorithm, byte[] data) => algorithm switch
    {
        "md5" => MD5.HashData(data),
        "sha1" => SHA1.HashData(data),
        "sha256" => SHA256.HashData(data),
        "sha384" => SHA384.HashData(data),
        "sha512" => SHA512.HashData(data),
        _ => throw new ArgumentException($"Digest method not supported: {algorithm}"),
    };

    public static byte[] Hmac(string algorithm, byte[] key, byte[] data) => algorithm switch
    {
        "md5" => HMACMD5.HashData(key, data),
        "sha1" => HMACSHA1.HashData(key, data),
        "sha256" => HMACSHA256.HashData(key, data),
        "sha384" => HMACSHA384.HashData(key, data),
        "sha512" => HMACSHA512.HashData(key, data),
        _ => throw new ArgumentException($"Digest method not supported: {algorithm}"),
    };
}
