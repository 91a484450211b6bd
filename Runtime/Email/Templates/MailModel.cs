using System.Text.Json.Nodes;
using Flowgate.Runtime.Identity;

namespace Flowgate.Runtime.Email.Templates;

/// <summary>
/// The variables a template sees, named as Auth0's (<c>user.*</c>, <c>url</c>, <c>code</c>, <c>application.name</c>,
/// <c>friendly_name</c>). Plain dictionaries, lists and scalars only: Liquid reaches nothing else.
/// </summary>
public static class MailModel
{
    public static Dictionary<string, object?> For(TenantUser user, string? url, string? applicationName, string? code = null, string? clientId = null) => new()
    {
        ["user"] = new Dictionary<string, object?>
        {
            ["user_id"] = user.Id,
            ["email"] = user.Email,
            ["email_verified"] = user.EmailConfirmed,
            ["name"] = user.Name ?? user.Email,
            ["nickname"] = user.Nickname,
            ["given_name"] = user.GivenName,
            ["family_name"] = user.FamilyName,
            ["picture"] = user.Picture,
            ["user_metadata"] = Plain(UserMetadata.Parse(user.UserMetadataJson)),
            ["app_metadata"] = Plain(UserMetadata.Parse(user.AppMetadataJson)),
        },
        ["url"] = url,
        ["code"] = code,
        ["application"] = new Dictionary<string, object?> { ["name"] = applicationName ?? "Flowgate", ["clientID"] = clientId },
        ["friendly_name"] = "Flowgate",
        ["tenant"] = Tenancy.Tenant.DefaultId,
        ["connection"] = new Dictionary<string, object?> { ["name"] = UserIds.DatabaseConnection },
    };

    /// <summary>Sample data for the dashboard's preview: a user whose name tries to inject markup, to show it is encoded.</summary>
    public static Dictionary<string, object?> Sample() => For(new TenantUser
    {
        Id = "auth0|sample",
        Email = "jane.doe@example.com",
        Name = "Jane <b>Doe</b>",
        Nickname = "jane",
        GivenName = "Jane",
        FamilyName = "Doe",
        UserMetadataJson = """{"plan":"pro"}""",
    }, "https://login.example.com/u/email-verification?ticket=sample", "My App", "123456", "sample-client");

    private static object? Plain(JsonNode? node) => node switch
    {
        JsonObject o => o.ToDictionary(p => p.Key, p => Plain(p.Value)),
        JsonArray a => a.Select(Plain).ToList(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v => v.ToString(),
        _ => null,
    };
}
