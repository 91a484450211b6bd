namespace Flowgate.Runtime.Keys;

/// <summary>What a <see cref="ServerKey"/> is for.</summary>
public static class ServerKeyUse
{
    public const string Signing = "sig";
    public const string Encryption = "enc";
    /// <summary>A secret that never leaves the server: codes and refresh tokens are signed and encrypted with keys derived from it.</summary>
    public const string Internal = "int";
}
