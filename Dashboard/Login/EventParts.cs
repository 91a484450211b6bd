using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Geo;
using Flowgate.Runtime.Identity;

namespace Flowgate.Dashboard.Login;

/// <summary>The parts of <c>event</c> that several triggers share, in Auth0's shape.</summary>
internal static class EventParts
{
    /// <summary><c>event.user</c> for an existing user.</summary>
    public static JsonObject User(TenantUser user)
    {
        var json = new JsonObject
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
            ["identities"] = JsonSerializer.SerializeToNode(UserIdentities.Of(user)),
        };
        // Auth0 leaves out the fields a user does not have, so `if (event.user.given_name)` reads as it does there.
        AddIfSet(json, "given_name", user.GivenName);
        AddIfSet(json, "family_name", user.FamilyName);
        // Identity's UserName is Flowgate's sign-in key; Auth0's username is the database connection's own field.
        AddIfSet(json, "username", user.DatabaseUsername);
        if (user.PhoneNumber is { } phone)
        {
            json["phone_number"] = phone;
            json["phone_verified"] = user.PhoneNumberConfirmed;
        }
        AddIfSet(json, "last_password_reset", user.LastPasswordReset?.ToString("O"));
        return json;
    }

    private static void AddIfSet(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            json[name] = value;
    }

    /// <summary><c>event.client</c>; the name is null when the request names no known application.</summary>
    public static JsonObject Client(string? clientId, string? name, IReadOnlyDictionary<string, string>? metadata = null) =>
        new() { ["client_id"] = clientId, ["name"] = name, ["metadata"] = JsonSerializer.SerializeToNode(metadata ?? new Dictionary<string, string>()) };

    /// <summary><c>event.connection</c>: the one database connection of a Flowgate tenant.</summary>
    public static JsonObject Connection() =>
        new() { ["id"] = UserIds.DatabaseConnectionId, ["name"] = UserIds.DatabaseConnection, ["strategy"] = "auth0", ["metadata"] = new JsonObject() };

    public static JsonObject Tenant() => new() { ["id"] = Runtime.Tenancy.Tenant.DefaultId };

    /// <summary><c>event.request</c> as every trigger sees it: who asked, from where, with what.</summary>
    public static JsonObject Request(HttpContext context) => new()
    {
        ["ip"] = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
        ["method"] = context.Request.Method,
        ["hostname"] = context.Request.Host.Host,
        ["user_agent"] = context.Request.Headers.UserAgent.ToString(),
        ["language"] = context.Request.Headers.AcceptLanguage.ToString().Split(',')[0],
        // The reset link's ticket would let anyone who reads the execution set the password: Actions never see it.
        ["query"] = JsonSerializer.SerializeToNode(context.Request.Query.Where(q => q.Key != "ticket").ToDictionary(q => q.Key, q => q.Value.ToString())),
        ["geoip"] = context.RequestServices.GetRequiredService<GeoLocator>().Locate(context.Connection.RemoteIpAddress),
    };
}
