using Flowgate.Runtime.Branding;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Auth0's login flow settings, <c>GET</c> and <c>PATCH /prompts</c>: <c>universal_login_experience</c> is always "new"
/// and <c>identifier_first</c> always false (the login page asks e-mail and password together), so a PATCH asking for
/// another value is refused rather than stored without effect; <c>webauthn_platform_first_factor</c> shows or hides the
/// login page's passkey button. Unknown properties and wrong types are 400s as elsewhere (<see cref="UnknownPropertiesRefused"/>).
/// </summary>
internal static class PromptSettingsEndpoints
{
    public static void MapPromptSettings(this RouteGroupBuilder api)
    {
        api.MapGet("/prompts", GetAsync).RequireScope("read:prompts");
        api.MapPatch("/prompts", PatchAsync).RequireScope("update:prompts");
    }

    private static async Task<IResult> GetAsync(LoginPromptSettings settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(Json(await settings.PasskeyFirstFactorAsync(cancellationToken)));

    private static async Task<IResult> PatchAsync(PromptSettingsBody body, LoginPromptSettings settings, CancellationToken cancellationToken)
    {
        if (body.UniversalLoginExperience is not (null or "new"))
            return Invalid("'universal_login_experience' can only be \"new\": Flowgate has no classic login pages.");
        if (body.IdentifierFirst == true)
            return Invalid("'identifier_first' can only be false: Flowgate's login page asks for the e-mail address and password together.");
        if (body.WebAuthnPlatformFirstFactor is { } passkeys)
            await settings.SetPasskeyFirstFactorAsync(passkeys, cancellationToken);
        return TypedResults.Ok(Json(await settings.PasskeyFirstFactorAsync(cancellationToken)));
    }

    private static Dictionary<string, object> Json(bool passkeys) => new()
    {
        ["universal_login_experience"] = "new",
        ["identifier_first"] = false,
        ["webauthn_platform_first_factor"] = passkeys,
    };

    private static IResult Invalid(string reason) => ManagementError.Result(400, "Payload validation error: " + reason, "invalid_body");
}
