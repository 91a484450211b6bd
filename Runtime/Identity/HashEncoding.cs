using System.Text;

namespace Flowgate.Runtime.Identity;

/// <summary>The encodings Auth0's <c>custom_password_hash</c> names for hash values, salts, keys and passwords.</summary>
internal static class HashEncoding
{
    public static readonly string[] Values = ["base64", "hex", "utf8"];
    public static readonly string[] Passwords = ["ascii", "utf8", "utf16le", "ucs2", "latin1", "binary"];

    /// <summary>The bytes of <paramref name="value"/>; null when it is not valid in <paramref name="encoding"/>.</summary>
    public static byte[]? Decode(string value, string encoding)
    {
        try
        {
            return encoding switch
            {
                "base64" => Convert.FromBase64String(value),
                "hex" => Convert.FromHexString(value),
                "utf8" => Encoding.UTF8.GetBytes(value),
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The password's bytes as the original system hashed them (Node's Buffer encodings: binary is latin1).</summary>
    public static byte[] Password(string password, string encoding) => encoding switch
    {
        "ascii" => Encoding.ASCII.GetBytes(password),
        "utf16le" or "ucs2" => Encoding.Unicode.GetBytes(password),
        "latin1" or "binary" => Encoding.Latin1.GetBytes(password),
        _ => Encoding.UTF8.GetBytes(password),
    };

    /// <summary>The PHC string format's "B64": standard base64 without padding (padding tolerated).</summary>
    public static byte[]? DecodePhcBase64(string value)
    {
        var padded = value.TrimEnd('=');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
