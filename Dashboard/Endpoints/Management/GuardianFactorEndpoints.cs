using Flowgate.Runtime.Mfa;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// The tenant's factors in Auth0's shape (Security → Multi-factor Auth): <c>GET /guardian/factors</c> and
/// <c>PUT /guardian/factors/{name}</c> with <c>{"enabled": bool}</c>. Auth0 calls the phone factor <c>sms</c>;
/// its factors Flowgate has no delivery for (push, e-mail, Duo) are listed as off and cannot be turned on.
/// </summary>
internal static class GuardianFactorEndpoints
{
    private static readonly string[] Unavailable = ["push-notification", "email", "duo"];

    public static void MapGuardianFactors(this RouteGroupBuilder api)
    {
        api.MapGet("/guardian/factors", ListAsync).RequireScope("read:guardian_factors");
        api.MapPut("/guardian/factors/{name}", SetAsync).RequireScope("update:guardian_factors");
    }

    private static async Task<IResult> ListAsync(MfaSettings settings, CancellationToken cancellationToken)
    {
        var enabled = await settings.EnabledAsync(cancellationToken);
        var known = MfaFactorType.All.Select(f => new { name = NameOf(f.Type), enabled = enabled.Contains(f.Type), trial_expired = false });
        var unavailable = Unavailable.Select(name => new { name, enabled = false, trial_expired = false });
        return TypedResults.Ok(known.Concat(unavailable));
    }

    private static async Task<IResult> SetAsync(string name, GuardianFactorBody body, MfaSettings settings, CancellationToken cancellationToken)
    {
        if (body.Enabled is not { } enabled)
            return ManagementError.Result(400, "Payload validation error: 'enabled' is required.", "invalid_body");
        var type = name == "sms" ? MfaEnrollment.Phone : name;
        if (MfaFactorType.All.Any(f => f.Type == type))
        {
            await settings.SetEnabledAsync(type, enabled, cancellationToken);
            return TypedResults.Ok(new { enabled });
        }
        if (!Unavailable.Contains(name))
            return ManagementError.Result(404, $"There is no factor named '{name}'.", "inexistent_factor");
        return enabled
            ? ManagementError.Result(400, $"The factor '{name}' is not available in Flowgate.", "invalid_body")
            : TypedResults.Ok(new { enabled = false });
    }

    private static string NameOf(string type) => type == MfaEnrollment.Phone ? "sms" : type;

    private sealed record GuardianFactorBody(bool? Enabled);
}
