namespace Flowgate.Runtime.Email.Templates;

/// <summary>Auth0's template names. All may be stored (so an exported Auth0 tenant imports whole); Flowgate sends the ones in <see cref="Sent"/>.</summary>
public static class EmailTemplateNames
{
    public const string VerifyEmail = "verify_email", ResetEmail = "reset_email", WelcomeEmail = "welcome_email", MfaOobCode = "mfa_oob_code";

    public static readonly IReadOnlyList<string> All =
    [
        VerifyEmail, "verify_email_by_code", "auth_email_by_code", ResetEmail, "reset_email_by_code", WelcomeEmail, "blocked_account",
        "stolen_credentials", "enrollment_email", MfaOobCode, "user_invitation", "async_approval", "change_password", "password_reset",
    ];

    /// <summary>The templates Flowgate mails, in the order the dashboard lists them.</summary>
    public static readonly IReadOnlyList<string> Sent = [VerifyEmail, ResetEmail, WelcomeEmail, MfaOobCode];

    public static bool IsKnown(string name) => All.Contains(name);
}
