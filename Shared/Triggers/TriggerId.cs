namespace Flowgate.Shared.Triggers;

/// <summary>Auth0's trigger ids, as they appear in the Management API and in bindings.</summary>
public static class TriggerId
{
    /// <summary>After a user authenticates, before tokens are issued.</summary>
    public const string PostLogin = "post-login";

    /// <summary>Before an access token is issued for the client credentials grant.</summary>
    public const string CredentialsExchange = "credentials-exchange";

    /// <summary>Before a database or passwordless user is created.</summary>
    public const string PreUserRegistration = "pre-user-registration";

    /// <summary>After a user is created (asynchronous).</summary>
    public const string PostUserRegistration = "post-user-registration";

    /// <summary>After a password change (asynchronous).</summary>
    public const string PostChangePassword = "post-change-password";

    /// <summary>When an MFA code must be sent by SMS or voice through a custom provider.</summary>
    public const string SendPhoneMessage = "send-phone-message";

    /// <summary>After the first password reset challenge, before the password is reset.</summary>
    public const string PasswordResetPostChallenge = "password-reset-post-challenge";

    /// <summary>After the identifier step of identifier-first login (beta, inferred shape).</summary>
    public const string LoginPostIdentifier = "login-post-identifier";
}
