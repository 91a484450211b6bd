namespace Flowgate.Runtime.Branding;

/// <summary>
/// Auth0's prompt names (all accepted by the custom-text endpoints, so an exported tenant imports) and the screens
/// Flowgate's hosted pages draw text from, with Auth0's keys. <c>${clientName}</c> is the application's name.
/// </summary>
public static class PromptCatalog
{
    /// <summary>Auth0's prompt names.</summary>
    public static readonly IReadOnlySet<string> Prompts = new HashSet<string>(StringComparer.Ordinal)
    {
        "login", "login-id", "login-password", "login-passwordless", "login-email-verification", "signup", "signup-id",
        "signup-password", "phone-identifier-enrollment", "phone-identifier-challenge", "email-identifier-challenge",
        "reset-password", "custom-form", "consent", "customized-consent", "logout", "mfa-push", "mfa-otp", "mfa-voice",
        "mfa-phone", "mfa-webauthn", "mfa-sms", "mfa-email", "mfa-recovery-code", "mfa", "status", "device-flow",
        "email-verification", "email-otp-challenge", "organizations", "invitation", "common", "passkeys", "captcha",
        "brute-force-protection",
    };

    /// <summary>The screens Flowgate renders, in the order the dashboard's editor lists them.</summary>
    public static readonly IReadOnlyList<PromptScreen> Screens =
    [
        new("login", "login", new Dictionary<string, string>
        {
            ["pageTitle"] = "Log in | ${clientName}",
            ["title"] = "Welcome",
            ["description"] = "Log in to ${clientName} to continue.",
            ["emailPlaceholder"] = "Email address",
            ["passwordPlaceholder"] = "Password",
            ["buttonText"] = "Continue",
            ["forgotPasswordText"] = "Forgot your password?",
            ["footerText"] = "Don't have an account?",
            ["footerLinkText"] = "Sign up",
        }),
        new("signup", "signup", new Dictionary<string, string>
        {
            ["pageTitle"] = "Sign up | ${clientName}",
            ["title"] = "Create your account",
            ["description"] = "Sign up to ${clientName} to continue.",
            ["emailPlaceholder"] = "Email address",
            ["passwordPlaceholder"] = "Password",
            ["passwordSecurityText"] = "Your password must contain:",
            ["buttonText"] = "Continue",
            ["footerText"] = "Already have an account?",
            ["footerLinkText"] = "Log in",
        }),
        new("reset-password", "reset-password-request", new Dictionary<string, string>
        {
            ["pageTitle"] = "Reset your password | ${clientName}",
            ["title"] = "Forgot your password?",
            ["description"] = "Enter your email address and we will send you instructions to reset your password.",
            ["emailPlaceholder"] = "Email address",
            ["buttonText"] = "Continue",
            ["backToLoginLinkText"] = "Back to ${clientName}",
        }),
        new("reset-password", "reset-password", new Dictionary<string, string>
        {
            ["pageTitle"] = "Reset your password | ${clientName}",
            ["title"] = "Choose a new password",
            ["description"] = "Enter a new password below to change your password.",
            ["passwordPlaceholder"] = "New password",
            ["passwordSecurityText"] = "Your password must contain:",
            ["buttonText"] = "Change password",
        }),
        new("mfa-otp", "mfa-otp-challenge", new Dictionary<string, string>
        {
            ["title"] = "Verify your identity",
            ["description"] = "Enter the 6-digit code from your authenticator app.",
            ["buttonText"] = "Continue",
        }),
        new("consent", "consent", new Dictionary<string, string>
        {
            ["title"] = "Authorize ${clientName}",
        }),
    ];

    /// <summary>The screen <paramref name="prompt"/>/<paramref name="screen"/>; throws for one Flowgate does not render (a programming error).</summary>
    public static PromptScreen Screen(string prompt, string screen) =>
        Screens.Single(s => s.Prompt == prompt && s.Screen == screen);
}
