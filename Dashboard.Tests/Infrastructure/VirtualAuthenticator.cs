using Microsoft.Playwright;

namespace Flowgate.Tests.Infrastructure;

/// <summary>Chromium's virtual authenticator (DevTools' WebAuthn domain) for a page.</summary>
internal static class VirtualAuthenticator
{
    // A CTAP2 authenticator with resident keys and user verification that always says yes, as DevTools offers it.
    public static async Task AddAuthenticatorAsync(this IPage page, string transport)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = transport, ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
    }

    // An old U2F (CTAP1) security key on USB: no resident keys, no user verification, fido-u2f attestation.
    public static async Task AddU2fKeyAsync(this IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "u2f", ["transport"] = "usb", ["hasResidentKey"] = false,
                ["hasUserVerification"] = false, ["automaticPresenceSimulation"] = true,
            },
        });
    }
}
