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

    private static async Task<IResult> LinkAsync(string id, UserLinkBody body, UserIdentities identities)
    {
        if (body.LinkWith is not null)
            return ManagementError.Result(400, "Flowgate links by provider and user_id; link_with (an ID token) is not supported yet.", "not_supported");
        if (string.IsNullOrEmpty(body.Provider) || string.IsNullOrEmpty(body.UserId))
            return ManagementError.Result(400, "Payload validation error: 'provider' and 'user_id' are required.", "invalid_body");
        return TypedResults.Created((string?)null, await identities.LinkAsync(Uri.UnescapeDataString(id), body.Provider, body.UserId));
    }

    private static async Task<IResult> UnlinkAsync(string id, string provider, string user_id, UserIdentities identities) =>
        TypedResults.Ok(await identities.UnlinkAsync(Uri.UnescapeDataString(id), provider, Uri.UnescapeDataString(user_id)));
}
