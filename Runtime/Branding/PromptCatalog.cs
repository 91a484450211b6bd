namespace Flowgate.Runtime.Branding;

/// <summary>
/// Auth0's prompt names (all accepted by the custom-text endpoints, so an exported tenant imports) and the screens
/// Flowgate's hosted pages draw text from, with Auth0's keys. <c>${clientName}</c> is the application's name,
/// <c>${companyName}</c> the tenant's (see ScreenText).
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
            ["usernameOrEmailPlaceholder"] = "Username or email address",
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
            ["usernamePlaceholder"] = "Username",
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
        new("mfa-otp", "mfa-otp-enrollment-qr", new Dictionary<string, string>
        {
            ["title"] = "Secure your account",
            ["description"] = "Scan this QR code with your authenticator app, then type the 6-digit code it shows.",
            ["placeholder"] = "Code",
            ["buttonText"] = "Continue",
        }),
        new("mfa-phone", "mfa-phone-enrollment", new Dictionary<string, string>
        {
            ["title"] = "Secure your account",
            ["description"] = "Enter your phone number. We will text you a code to check it is yours.",
            ["placeholder"] = "Phone number",
            ["buttonText"] = "Send code",
        }),
        // Also the code step of enrolment, as on Auth0 (${phoneNumber} is the masked number the code went to).
        new("mfa-phone", "mfa-phone-challenge", new Dictionary<string, string>
        {
            ["title"] = "Verify your identity",
            ["description"] = "Enter the 6-digit code we texted to ${phoneNumber}.",
            ["placeholder"] = "Code",
            ["buttonText"] = "Continue",
            ["resendActionText"] = "Send a new code",
        }),
        WebAuthn("mfa-webauthn-roaming-enrollment", "Secure your account",
            "Add a security key: insert it (or hold it near this device) and touch it when asked.", "Add security key"),
        WebAuthn("mfa-webauthn-platform-enrollment", "Secure your account",
            "Create a passkey with this device's screen lock (fingerprint, face or PIN). Next time it signs you in.", "Create a passkey"),
        WebAuthn("mfa-webauthn-roaming-challenge", "Verify your identity", "Insert your security key and touch it to continue.", "Use security key"),
        WebAuthn("mfa-webauthn-platform-challenge", "Verify your identity",
            "Use this device's screen lock (fingerprint, face or PIN) to continue.", "Use this device"),
        new("mfa", "mfa-begin-enroll-options", new Dictionary<string, string>
        {
            ["pageTitle"] = "Choose a method",
            ["title"] = "Secure your account",
            ["description"] = "Choose how you want to verify your identity when you log in.",
        }),
        new("mfa", "mfa-login-options", new Dictionary<string, string>
        {
            ["pageTitle"] = "Choose a method",
            ["title"] = "Verify your identity",
            ["description"] = "Choose how to verify your identity.",
        }),
        // The hosted error page; its message per error stays Flowgate's (HostedError).
        new("common", "error", new Dictionary<string, string>
        {
            ["pageTitle"] = "Something went wrong",
            ["title"] = "Something went wrong",
            ["errorCodeText"] = "Error code:",
        }),
        new("consent", "consent", new Dictionary<string, string>
        {
            ["title"] = "Authorize ${clientName}",
        }),
    ];

    private static PromptScreen WebAuthn(string screen, string title, string description, string buttonText) =>
        new("mfa-webauthn", screen, new Dictionary<string, string> { ["title"] = title, ["description"] = description, ["buttonText"] = buttonText });

    /// <summary>The screen <paramref name="prompt"/>/<paramref name="screen"/>; throws for one Flowgate does not render (a programming error).</summary>
    public static PromptScreen Screen(string prompt, string screen) =>
        Screens.Single(s => s.Prompt == prompt && s.Screen == screen);
}
