using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Flowgate.Runtime.Mfa;

/// <summary>RFC 6238 time-based one-time passwords as authenticator apps compute them: HMAC-SHA1, 30 s steps, 6 digits.</summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>The time step a moment falls in (T in RFC 6238, with T0 = 0).</summary>
    public static long TimeStep(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code for one time step (RFC 4226 dynamic truncation).</summary>
    public static string Code(ReadOnlySpan<byte> key, long timeStep, int digits = Digits, HashAlgorithmName? algorithm = null)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, timeStep);
        var hash = Hash(algorithm ?? HashAlgorithmName.SHA1, key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (binary % (int)Math.Pow(10, digits)).ToString().PadLeft(digits, '0');
    }

    /// <summary>The <c>otpauth://totp/...</c> URI an authenticator app scans (Google's Key Uri Format).</summary>
    public static string KeyUri(string issuer, string accountName, ReadOnlySpan<byte> key)
    {
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(accountName);
        return $"otpauth://totp/{label}?secret={Base32.Encode(key)}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";
    }

    /// <summary>
    /// The step of <paramref name="code"/> within one step of <paramref name="now"/> (clock drift), or null.
    /// Compared in fixed time so the answer's timing says nothing about the digits.
    /// </summary>
    public static long? Match(ReadOnlySpan<byte> key, string code, DateTimeOffset now)
    {
        var current = TimeStep(now);
        long? matched = null;
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
                matched ??= step;
        }
        return matched;
    }

    private static byte[] Hash(HashAlgorithmName algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> counter) => algorithm.Name switch
    {
        "SHA256" => HMACSHA256.HashData(key, counter),
        "SHA512" => HMACSHA512.HashData(key, counter),
        _ => HMACSHA1.HashData(key, counter),
    };
}
