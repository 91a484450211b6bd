using System.Text.Json;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// A password hash brought over from another system (Auth0's <c>custom_password_hash</c>, or its bcrypt
/// <c>password_hash</c>). It is kept as given until the user's first login verifies it; <see cref="PasswordCheck"/>
/// then replaces it with Flowgate's default hash. Stored in <see cref="TenantUser"/>'s <c>PasswordHash</c> column as
/// <see cref="StoredPrefix"/> + the validated <c>custom_password_hash</c> JSON, which Identity's own hashes never start with.
/// </summary>
public abstract record ImportedPasswordHash
{
    /// <summary>Marks a stored hash as imported (Identity's hashes are base64 of a version byte, never <c>$</c>).</summary>
    public const string StoredPrefix = "$imported$";

    /// <summary>The <c>custom_password_hash</c> this hash was read from (compact JSON).</summary>
    public required string Json { get; init; }

    /// <summary>Whether <paramref name="password"/> produces this hash, compared in constant time.</summary>
    public abstract bool Verify(string password);

    /// <summary>The value kept in the user's <c>PasswordHash</c>.</summary>
    public string ToStored() => StoredPrefix + Json;

    public static bool IsStored(string storedHash) => storedHash.StartsWith(StoredPrefix, StringComparison.Ordinal);

    /// <summary>Reads a stored imported hash back; null when it is not one or no longer parses (then no password matches).</summary>
    public static ImportedPasswordHash? FromStored(string storedHash)
    {
        if (!IsStored(storedHash))
            return null;
        try
        {
            using var document = JsonDocument.Parse(storedHash.AsMemory(StoredPrefix.Length));
            return CustomPasswordHash.Parse(document.RootElement, out _);
        }
        catch (JsonException)
        {
            return null; // a damaged value matches no password rather than failing the login
        }
    }
}
