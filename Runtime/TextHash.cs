using System.Security.Cryptography;
using System.Text;

namespace Flowgate.Runtime;

/// <summary>SHA-256 of text: how a bearer secret is stored, and how content or names get a short stable id.</summary>
public static class TextHash
{
    /// <summary>The SHA-256 of the text's UTF-8 bytes, as lower-case hex.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
