namespace Flowgate.Runtime.Login;

/// <summary>Which factor page a waiting login needs.</summary>
public enum MfaPromptKind
{
    /// <summary>The user has the factor: type a code from it (or the recovery code), or use the security key.</summary>
    Challenge,

    /// <summary>The user has none yet: set up the authenticator app or register the key.</summary>
    Enroll,
}
