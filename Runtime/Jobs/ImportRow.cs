using System.Net.Mail;
using System.Text.Json;
using Flowgate.Runtime.Identity;

namespace Flowgate.Runtime.Jobs;

/// <summary>
/// Checks one element of an import file against Auth0's user schema and reads it into an <see cref="ImportedUser"/>.
/// Every problem of the row is reported (not only the first), each with Auth0's code and the property's path.
/// </summary>
public static class ImportRow
{
    private static readonly (string Name, int MaxLength)[] Strings =
        [("user_id", 200), ("username", UsernamePolicy.MaxLength), ("given_name", 256), ("family_name", 256), ("name", 256), ("nickname", 256), ("picture", 2000)];
    private static readonly string[] Booleans = ["email_verified", "blocked"];
    private static readonly string[] Metadata = ["app_metadata", "user_metadata"];
    private static readonly HashSet<string> Allowed =
        [.. Strings.Select(s => s.Name), .. Booleans, .. Metadata, "email", "password_hash", "custom_password_hash", "mfa_factors"];

    // Auth0 keeps these names for the user's own attributes: app_metadata may not use them.
    private static readonly HashSet<string> ReservedAppMetadata =
    [
        "__tenant", "_id", "blocked", "clientID", "created_at", "email_verified", "email", "globalClientID", "global_client_id",
        "identities", "lastIP", "lastLogin", "loginsCount", "metadata", "multifactor_last_modified", "multifactor", "updated_at", "user_id",
    ];

    public static ImportedUser? Read(JsonElement row, List<RowError> errors)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            errors.Add(RowError.WrongType("", "object", Kind(row)));
            return null;
        }
        foreach (var property in row.EnumerateObject().Where(p => !Allowed.Contains(p.Name)))
            errors.Add(new RowError("OBJECT_ADDITIONAL_PROPERTIES", $"Additional properties not allowed: {property.Name}", property.Name));
        var email = String(row, "email", 254, errors);
        if (!row.TryGetProperty("email", out _))
            errors.Add(RowError.Missing("email"));
        else if (email is not null && !IsEmail(email))
            errors.Add(new RowError("INVALID_FORMAT", $"Object didn't pass validation for format email: {email}", "email"));
        var strings = Strings.ToDictionary(s => s.Name, s => String(row, s.Name, s.MaxLength, errors));
        var booleans = Booleans.ToDictionary(b => b, b => Boolean(row, b, errors));
        var metadata = Metadata.ToDictionary(m => m, m => Object(row, m, errors));
        if (metadata["app_metadata"] is { } app)
            foreach (var reserved in JsonDocument.Parse(app).RootElement.EnumerateObject().Where(p => ReservedAppMetadata.Contains(p.Name)))
                errors.Add(new RowError("INVALID_FORMAT", $"app_metadata may not contain the property {reserved.Name}", $"app_metadata.{reserved.Name}"));
        var factors = ImportFactors.Read(row, errors);
        var hash = PasswordHash(row, errors);
        if (errors.Count > 0)
            return null;
        return new ImportedUser
        {
            Email = email!.Trim(),
            EmailVerified = booleans["email_verified"],
            Username = strings["username"],
            UserId = strings["user_id"] is { } id && id.StartsWith("auth0|", StringComparison.Ordinal) ? id["auth0|".Length..] : strings["user_id"],
            GivenName = strings["given_name"],
            FamilyName = strings["family_name"],
            Name = strings["name"],
            Nickname = strings["nickname"],
            Picture = strings["picture"],
            Blocked = booleans["blocked"],
            UserMetadataJson = metadata["user_metadata"],
            AppMetadataJson = metadata["app_metadata"],
            PasswordHash = hash,
            PasswordHashIsCustom = row.TryGetProperty("custom_password_hash", out _),
            Factors = factors,
        };
    }

    private static ImportedPasswordHash? PasswordHash(JsonElement row, List<RowError> errors)
    {
        var hasPlain = row.TryGetProperty("password_hash", out var plain);
        var hasCustom = row.TryGetProperty("custom_password_hash", out var custom);
        if (hasPlain && hasCustom)
        {
            errors.Add(new RowError("CONFLICT", "password_hash and custom_password_hash are mutually exclusive", "custom_password_hash"));
            return null;
        }
        if (hasPlain)
        {
            // Auth0's password_hash is a bcrypt hash: the same as custom_password_hash with algorithm bcrypt.
            if (plain.ValueKind != JsonValueKind.String)
            {
                errors.Add(RowError.WrongType("password_hash", "string", Kind(plain)));
                return null;
            }
            using var bcrypt = JsonDocument.Parse(JsonSerializer.Serialize(new { algorithm = "bcrypt", hash = new { value = plain.GetString() } }));
            return Hash(bcrypt.RootElement, "password_hash", errors);
        }
        return hasCustom ? Hash(custom, null, errors) : null;
    }

    private static ImportedPasswordHash? Hash(JsonElement custom, string? path, List<RowError> errors)
    {
        var hash = CustomPasswordHash.Parse(custom, out var problem);
        if (problem is not null)
            errors.Add(new RowError("INVALID_FORMAT", $"{problem.Path} {problem.Message}", path ?? problem.Path));
        return hash;
    }

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim() && address.Host.Contains('.');

    private static string? String(JsonElement row, string name, int maxLength, List<RowError> errors)
    {
        if (!row.TryGetProperty(name, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(RowError.WrongType(name, "string", Kind(value)));
            return null;
        }
        var text = value.GetString()!;
        if (text.Length <= maxLength)
            return text;
        errors.Add(new RowError("MAX_LENGTH", $"String is too long ({text.Length} chars), maximum {maxLength}", name));
        return null;
    }

    private static bool? Boolean(JsonElement row, string name, List<RowError> errors)
    {
        if (!row.TryGetProperty(name, out var value))
            return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean();
        errors.Add(RowError.WrongType(name, "boolean", Kind(value)));
        return null;
    }

    private static string? Object(JsonElement row, string name, List<RowError> errors)
    {
        if (!row.TryGetProperty(name, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(RowError.WrongType(name, "object", Kind(value)));
            return null;
        }
        var json = JsonSerializer.Serialize(value); // compact, as stored
        if (UserMetadata.Problem(json) is { } problem)
            errors.Add(new RowError("INVALID_FORMAT", $"{name} {problem}", name));
        else if (System.Text.Encoding.UTF8.GetByteCount(json) > UserMetadata.MaxBytes)
            errors.Add(new RowError("MAX_LENGTH", $"{name} is larger than {UserMetadata.MaxBytes / 1024} kB", name));
        else
            return json;
        return null;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Undefined => "undefined",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}
