using System.Text.Json.Serialization;
using Flowgate.Runtime.Identity;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>Account linking: <c>POST /users/{id}/identities</c> and <c>DELETE /users/{id}/identities/{provider}/{user_id}</c>, answering the user's identities.</summary>
internal static class UserIdentityEndpoints
{
    public static void MapUserIdentities(this RouteGroupBuilder api)
    {
        api.MapPost("/users/{id}/identities", LinkAsync).RequireScope("update:users");
        api.MapDelete("/users/{id}/identities/{provider}/{user_id}", UnlinkAsync).RequireScope("update:users");
    }

    private static async Task<IResult> LinkAsync(string id, UserLinkBody body, UserIdentities identities, LinkWithToken linkWith, CancellationToken cancellationToken)
    {
        var (provider, userId) = (body.Provider, body.UserId);
        if (body.LinkWith is { } token)
        {
            if (provider is not null || userId is not null)
                return ManagementError.Result(400, "Payload validation error: send link_with, or provider and user_id, not both.", "invalid_body");
            // The secondary user's id is provider|user_id: its primary identity.
            var (subject, refusal) = await linkWith.SubjectAsync(token, cancellationToken);
            if (subject?.Split('|', 2) is not [var p, var u])
                return ManagementError.Result(400, $"Payload validation error: link_with is not a valid ID token of this tenant: {refusal ?? "its subject is no user id"}.", "invalid_body");
            (provider, userId) = (p, u);
        }
        if (string.IsNullOrEmpty(provider) || string.IsNullOrEmpty(userId))
            return ManagementError.Result(400, "Payload validation error: 'provider' and 'user_id' are required.", "invalid_body");
        return TypedResults.Created((string?)null, await identities.LinkAsync(Uri.UnescapeDataString(id), provider, userId, cancellationToken));
    }

    private static async Task<IResult> UnlinkAsync(string id, string provider, string user_id, UserIdentities identities) =>
        TypedResults.Ok(await identities.UnlinkAsync(Uri.UnescapeDataString(id), provider, Uri.UnescapeDataString(user_id)));
}
