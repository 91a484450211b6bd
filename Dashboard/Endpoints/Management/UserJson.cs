using System.Text.Json.Nodes;
using Flowgate.Runtime.Identity;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>Users and roles in the Management API's JSON shapes (Auth0's field names).</summary>
internal static class UserJson
{

    public static object User(TenantUser user) => new
    {
        user_id = user.Id,
        email = user.Email,
        email_verified = user.EmailConfirmed,
        username = user.DatabaseUsername,
        name = user.Name,
        nickname = user.Nickname,
        given_name = user.GivenName,
        family_name = user.FamilyName,
        picture = user.Picture,
        user_metadata = JsonNode.Parse(user.UserMetadataJson),
        app_metadata = JsonNode.Parse(user.AppMetadataJson),
        blocked = user.Blocked,
        created_at = user.CreatedAt,
        updated_at = user.UpdatedAt,
        last_login = user.LastLogin,
        last_password_reset = user.LastPasswordReset,
        logins_count = user.LoginsCount,
        identities = UserIdentities.Of(user),
    };

    /// <summary>A role's member as <c>GET /roles/{id}/users</c> lists it.</summary>
    public static object Member(TenantUser user) => new { user_id = user.Id, email = user.Email, picture = user.Picture, name = user.Name };

    public static object Role(TenantRole role) => new { id = role.Id, name = role.Name, description = role.Description };
}
