using System.Security.Cryptography;
using System.Text.Json;

namespace Flowgate.Bench.Imports;

/// <summary>
/// An Auth0 bulk-import file as a migration brings it: profile fields, metadata, and each user's hash as
/// <c>custom_password_hash</c>, bcrypt for half and pbkdf2-sha256 for the other half (nothing is hashed at import).
/// </summary>
internal static class ImportFile
{
    // Hashes are only parsed and stored by an import, never checked: a few real ones, cycled, stand for them all.
    private static readonly string[] Bcrypt = [.. Enumerable.Range(0, 8).Select(i => BCrypt.Net.BCrypt.HashPassword($"password {i}", 10))];
    private static readonly string[] Pbkdf2 = [.. Enumerable.Range(0, 8).Select(Pbkdf2Phc)];

    /// <summary>Writes <paramref name="users"/> users whose addresses carry <paramref name="run"/>; returns the file's size.</summary>
    public static long Write(string path, int users, string run)
    {
        using (var stream = File.Create(path))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            for (var i = 0; i < users; i++)
                WriteUser(json, i, run);
            json.WriteEndArray();
        }
        return new FileInfo(path).Length;
    }

    private static void WriteUser(Utf8JsonWriter json, int i, string run)
    {
        json.WriteStartObject();
        json.WriteString("email", $"import-{run}-{i}@example.com");
        json.WriteBoolean("email_verified", i % 3 != 0);
        json.WriteString("given_name", $"Given {i}");
        json.WriteString("family_name", $"Family {i}");
        json.WriteString("name", $"Given {i} Family {i}");
        json.WriteString("user_id", $"legacy-{run}-{i}");
        json.WriteStartObject("custom_password_hash");
        json.WriteString("algorithm", i % 2 == 0 ? "bcrypt" : "pbkdf2");
        json.WriteStartObject("hash");
        json.WriteString("value", i % 2 == 0 ? Bcrypt[i % Bcrypt.Length] : Pbkdf2[i % Pbkdf2.Length]);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("user_metadata");
        json.WriteString("locale", "en");
        json.WriteEndObject();
        json.WriteStartObject("app_metadata");
        json.WriteNumber("legacy_id", i);
        json.WriteString("plan", i % 5 == 0 ? "pro" : "free");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Pbkdf2Phc(int i)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2($"password {i}", salt, 10_000, HashAlgorithmName.SHA256, 32);
        return $"$pbkdf2-sha256$i=10000,l=32${B64(salt)}${B64(hash)}";
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
