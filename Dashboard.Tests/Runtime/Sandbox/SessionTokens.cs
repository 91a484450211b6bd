using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>Signs the HS256 session token an external site sends back to <c>/continue</c>.</summary>
internal static class SessionTokens
{
    public static string Sign(string secret, object payload)
    {
        static string Segment(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var unsigned = Segment(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" })) + "." + Segment(JsonSerializer.SerializeToUtf8Bytes(payload));
        return unsigned + "." + Segment(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(unsigned)));
    }
}
