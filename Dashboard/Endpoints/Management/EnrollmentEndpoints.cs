using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Flowgate.Runtime.Mfa;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Users' MFA enrolments in Auth0's shape: <c>GET /users/{id}/enrollments</c> and the administrator's reset,
/// <c>DELETE /guardian/enrollments/{id}</c> (which also removes the recovery code when no factor is left)
/// and <c>DELETE /users/{id}/authenticators</c> (every factor at once).
/// </summary>
internal static class EnrollmentEndpoints
{
    public static void MapEnrollments(this RouteGroupBuilder api)
    {
        api.MapGet("/users/{id}/enrollments", ListAsync).RequireScope("read:users");
        // Auth0 asks for delete:guardian_enrollments; Flowgate's Management API has no such scope yet, so resetting a factor is a user update.
        api.MapDelete("/guardian/enrollments/{id}", DeleteAsync).RequireScope("update:users");
        api.MapDelete("/users/{id}/authenticators", ResetAsync).RequireScope("update:users");
    }

    private static async Task<IResult> ListAsync(string id, UserManager<TenantUser> users, MfaEnrollments enrollments, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is null)
            return ManagementError.Result(404, "The user does not exist.", "inexistent_user");
        // Auth0 lists the authenticators; the recovery code is not an enrolment of its own there.
        var list = (await enrollments.ListAsync(id, cancellationToken))
            .Where(e => e.Type is MfaEnrollment.Otp or MfaEnrollment.Phone)
            .Select(e => new
            {
                id = e.Id,
                status = e.Confirmed ? "confirmed" : "pending",
                type = e.Type == MfaEnrollment.Phone ? "sms" : "authenticator",
                auth_method = e.Type == MfaEnrollment.Phone ? "sms" : "authenticator",
                enrolled_at = e.CreatedAt,
                last_auth = e.LastAuthAt,
            });
        return TypedResults.Ok(list);
    }

    private static async Task<IResult> DeleteAsync(string id, UserManager<TenantUser> users, MfaEnrollments enrollments, UserSessionRevocation revocation, CancellationToken cancellationToken)
    {
        var owner = (await enrollments.FindAsync(id, cancellationToken))?.UserId;
        if (!await enrollments.DeleteAsync(id, cancellationToken))
            return ManagementError.Result(404, "Enrollment not found.", "inexistent_enrollment");
        if (owner is not null && await users.FindByIdAsync(owner) is { } user)
            await EndSessionsAsync(users, user, revocation, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ResetAsync(string id, UserManager<TenantUser> users, MfaEnrollments enrollments, UserSessionRevocation revocation, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
            return ManagementError.Result(404, "The user does not exist.", "inexistent_user");
        await enrollments.ResetAsync(id, cancellationToken);
        await EndSessionsAsync(users, user, revocation, cancellationToken);
        return TypedResults.NoContent();
    }

    // An administrator resets factors when a device is lost or stolen: what was opened with it ends too.
    private static async Task EndSessionsAsync(UserManager<TenantUser> users, TenantUser user, UserSessionRevocation revocation, CancellationToken cancellationToken)
    {
        await users.UpdateSecurityStampAsync(user);
        await revocation.RevokeAsync(user.Id, "factors reset", cancellationToken);
    }
}
