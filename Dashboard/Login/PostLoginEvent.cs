using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Identity;
using OpenIddict.Abstractions;

namespace Flowgate.Dashboard.Login;

/// <summary>The post-login <c>event</c> for a real login, in Auth0's shape (reference §1.2).</summary>
internal static class PostLoginEvent
{
    public static string Build(HttpContext context, OpenIddictRequest request, TenantUser user, IReadOnlyList<string> roles, string? clientName, string? audience)
    {
        var now = DateTimeOffset.UtcNow;
        var root = new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["user_id"] = user.Id,
                ["email"] = user.Email,
                ["email_verified"] = user.EmailConfirmed,
                ["name"] = user.Name ?? user.Email,
                ["nickname"] = user.Nickname ?? user.Email?.Split('@')[0],
                ["picture"] = user.Picture,
                ["created_at"] = user.CreatedAt.ToString("O"),
                ["updated_at"] = user.UpdatedAt.ToString("O"),
                ["app_metadata"] = JsonNode.Parse(user.AppMetadataJson),
                ["user_metadata"] = JsonNode.Parse(user.UserMetadataJson),
                ["identities"] = new JsonArray(new JsonObject
                {
                    ["connection"] = UserIds.DatabaseConnection, ["provider"] = "auth0", ["user_id"] = user.Id.Split('|').Last(), ["isSocial"] = false,
                }),
            },
            ["client"] = new JsonObject { ["client_id"] = request.ClientId, ["name"] = clientName, ["metadata"] = new JsonObject() },
            ["connection"] = new JsonObject { ["id"] = "con_database", ["name"] = UserIds.DatabaseConnection, ["strategy"] = "auth0", ["metadata"] = new JsonObject() },
            ["request"] = EventRequest.From(context),
            ["tenant"] = new JsonObject { ["id"] = Runtime.Tenancy.Tenant.DefaultId },
            ["stats"] = new JsonObject { ["logins_count"] = user.LoginsCount },
            ["authorization"] = new JsonObject { ["roles"] = JsonSerializer.SerializeToNode(roles) },
            ["authentication"] = new JsonObject { ["methods"] = new JsonArray(new JsonObject { ["name"] = "pwd", ["timestamp"] = now.ToString("O") }) },
            ["transaction"] = new JsonObject
            {
                ["protocol"] = "oidc-basic-profile",
                ["requested_scopes"] = JsonSerializer.SerializeToNode(request.GetScopes().ToArray()),
                ["redirect_uri"] = request.RedirectUri,
                ["state"] = request.State,
                ["response_type"] = new JsonArray("code"),
                ["response_mode"] = request.ResponseMode ?? "query",
                ["locale"] = "en",
                ["ui_locales"] = new JsonArray(),
                ["acr_values"] = new JsonArray(),
                ["metadata"] = new JsonObject(),
            },
        };
        if (audience is not null)
            root["resource_server"] = new JsonObject { ["identifier"] = audience };
        return root.ToJsonString();
    }
}
