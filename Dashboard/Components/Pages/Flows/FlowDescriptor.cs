namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>How the dashboard names a trigger's flow and the two fixed ends of its canvas.</summary>
internal sealed record FlowDescriptor(string TriggerId, string Title, string Start, string Complete)
{
    // Auth0's Flows page names, and the Start/Complete labels its canvas draws.
    private static readonly FlowDescriptor[] Known =
    [
        new("post-login", "Login", "User logged in", "Token issued"),
        new("credentials-exchange", "Machine to Machine", "M2M client authorized", "Token issued"),
        new("pre-user-registration", "Pre User Registration", "User submitted sign-up", "User created"),
        new("post-user-registration", "Post User Registration", "User registered", "Complete"),
        new("post-change-password", "Post Change Password", "Password changed", "Complete"),
        new("send-phone-message", "Send Phone Message", "Message requested", "Message sent"),
        new("password-reset-post-challenge", "Password Reset", "Reset challenge passed", "Password reset allowed"),
        new("login-post-identifier", "Login / Post Identifier", "Identifier entered", "Login continues"),
    ];

    /// <summary>The descriptor for a trigger; a trigger added to the catalog later falls back to its own display name.</summary>
    public static FlowDescriptor For(string triggerId, string displayName) =>
        Known.FirstOrDefault(d => d.TriggerId == triggerId) ?? new(triggerId, displayName, "Start", "Complete");
}
