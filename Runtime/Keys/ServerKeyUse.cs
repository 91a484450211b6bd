namespace Flowgate.Runtime.Keys;

/// <summary>What a <see cref="ServerKey"/> is for.</summary>
public static class ServerKeyUse
{
    public const string Signing = "sig";
    public const string Encryption = "enc";
}
