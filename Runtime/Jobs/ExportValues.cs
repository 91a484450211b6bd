using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Identity;

namespace Flowgate.Runtime.Jobs;

/// <summary>A user's attributes under Auth0's export field names, and how a line of JSON or CSV is written.</summary>
internal static class ExportValues
{
    /// <summary>The field names an export accepts (besides <c>user_metadata.*</c> and <c>app_metadata.*</c>).</summary>
    public static readonly string[] Names =
    [
        "user_id", "email", "email_verified", "username", "name", "given_name", "family_name", "nickname", "picture", "created_at",
        "updated_at", "last_login", "last_password_reset", "logins_count", "blocked", "user_metadata", "app_metadata", "identities",
    ];

    public static bool IsKnown(string name) =>
        Names.Contains(name) || name.StartsWith("user_metadata.", StringComparison.Ordinal) || name.StartsWith("app_metadata.", StringComparison.Ordinal);

    public static JsonNode? Of(TenantUser user, string name, string connection) => name switch
    {
        "user_id" => user.Id,
        "email" => user.Email,
        "email_verified" => user.EmailConfirmed,
        "username" => user.DatabaseUsername,
        "name" => user.Name,
        "given_name" => user.GivenName,
        "family_name" => user.FamilyName,
        "nickname" => user.Nickname,
        "picture" => user.Picture,
        "created_at" => Date(user.CreatedAt),
        "updated_at" => Date(user.UpdatedAt),
        "last_login" => user.LastLogin is { } login ? Date(login) : null,
        "last_password_reset" => user.LastPasswordReset is { } reset ? Date(reset) : null,
        "logins_count" => user.LoginsCount,
        "blocked" => user.Blocked,
        "user_metadata" => UserMetadata.Parse(user.UserMetadataJson),
        "app_metadata" => UserMetadata.Parse(user.AppMetadataJson),
        "identities" => new JsonArray(new JsonObject
        {
            ["connection"] = connection, ["provider"] = "auth0", ["user_id"] = user.Id.StartsWith("auth0|", StringComparison.Ordinal) ? user.Id["auth0|".Length..] : user.Id, ["isSocial"] = false,
        }),
        _ when name.StartsWith("user_metadata.", StringComparison.Ordinal) => UserMetadata.Parse(user.UserMetadataJson)[name["user_metadata.".Length..]]?.DeepClone(),
        _ when name.StartsWith("app_metadata.", StringComparison.Ordinal) => UserMetadata.Parse(user.AppMetadataJson)[name["app_metadata.".Length..]]?.DeepClone(),
        _ => null,
    };

    /// <summary>One JSON object per line; absent values are left out, as Auth0 does.</summary>
    public static string JsonLine(IEnumerable<(string Column, JsonNode? Value)> values)
    {
        var line = new JsonObject();
        foreach (var (column, value) in values.Where(v => v.Value is not null))
            line[column] = value;
        return line.ToJsonString();
    }

    /// <summary>A CSV cell (RFC 4180). Text that a spreadsheet would run as a formula is prefixed with a quote.</summary>
    public static string Csv(JsonNode? value)
    {
        var text = value switch
        {
            null => "",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => value.ToJsonString(),
        };
        return Csv(text);
    }

    public static string Csv(string text)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0]))
            text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
