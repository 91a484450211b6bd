namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// A WebAuthn challenge that was answered, kept until it would have expired anyway. In the database, so an
/// assertion replayed to another instance is refused as well.
/// </summary>
public sealed class AnsweredChallenge
{
    /// <summary>The challenge's random nonce, in hex (the nonce alone proves nothing: the challenge is encrypted).</summary>
    public required string Id { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
