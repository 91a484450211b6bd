namespace Flowgate.Runtime.Keys;

/// <summary>
/// A key the OIDC server signs or encrypts tokens with. Generated on first start and kept in the
/// database (private part protected with Data Protection) so restarts and other instances share it.
/// </summary>
public sealed class ServerKey
{
    public required string Id { get; init; }
    /// <summary><see cref="ServerKeyUse.Signing"/>, <see cref="ServerKeyUse.Encryption"/> or <see cref="ServerKeyUse.Internal"/>.</summary>
    public required string Use { get; init; }
    /// <summary>The RSA private key (PKCS#8), or the internal secret's bytes, in base64, protected with Data Protection.</summary>
    public required string ProtectedPrivateKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
