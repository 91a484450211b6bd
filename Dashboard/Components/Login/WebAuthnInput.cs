namespace Flowgate.Dashboard.Components.Login;

/// <summary>What a WebAuthn form posts: the browser's credential as JSON, and whether to remember this browser.</summary>
public sealed class WebAuthnInput
{
    public string? Response { get; set; }

    public bool RememberBrowser { get; set; }
}
