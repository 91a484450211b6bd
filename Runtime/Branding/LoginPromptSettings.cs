using System.Text.Json.Nodes;
using Flowgate.Runtime.Tenancy;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Branding;

/// <summary>
/// The tenant's login flow settings (Auth0's <c>/api/v2/prompts</c>), kept in its settings as
/// <c>{"prompts": {"webauthn_platform_first_factor": bool}}</c>. Flowgate has only the new Universal Login experience and
/// asks e-mail and password on one page, so those two are fixed; only the passkey button on the login page is a choice.
/// </summary>
public sealed class LoginPromptSettings(TenantSettingsSection settings, ILogger<LoginPromptSettings> logger)
{
    private const string Section = "prompts", PlatformFirstFactor = "webauthn_platform_first_factor";

    /// <summary>
    /// Whether the login page offers signing in with a passkey (a WebAuthn platform credential) instead of a password.
    /// True when never set: the login page has always offered it.
    /// </summary>
    public async Task<bool> PasskeyFirstFactorAsync(CancellationToken cancellationToken) =>
        PasskeyFirstFactor(await settings.ReadAsync(Section, cancellationToken));

    /// <summary>
    /// <see cref="PasskeyFirstFactorAsync"/> as the login page shows it, from a copy at most <see cref="HostedPageReads.Lifetime"/>
    /// old: a change made on another instance reaches this one's login page within that time.
    /// </summary>
    public async Task<bool> PasskeyFirstFactorRecentAsync(CancellationToken cancellationToken) =>
        PasskeyFirstFactor(await settings.ReadRecentAsync(Section, cancellationToken));

    public async Task SetPasskeyFirstFactorAsync(bool on, CancellationToken cancellationToken)
    {
        await settings.WriteAsync(Section, new JsonObject { [PlatformFirstFactor] = on }, cancellationToken);
        logger.LogInformation("Passkey first factor {State}", on ? "enabled" : "disabled");
    }

    private static bool PasskeyFirstFactor(JsonObject? section) =>
        section?[PlatformFirstFactor] is JsonValue value && value.TryGetValue<bool>(out var on) ? on : true;
}
