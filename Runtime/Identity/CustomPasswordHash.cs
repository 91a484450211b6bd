using System.Text.Json;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// Reads Auth0's <c>custom_password_hash</c> object (<c>{algorithm, hash: {value, encoding, digest, key}, salt: {value,
/// encoding, position}, password: {encoding}}</c>) into an <see cref="ImportedPasswordHash"/>, with Auth0's rules: argon2,
/// bcrypt, ldap and pbkdf2 carry a self-describing utf8 value and no salt; md5, sha1, sha256, sha512 and hmac carry a
/// hex or base64 digest and an optional salt before or after the password.
/// </summary>
public static class CustomPasswordHash
{
    private const string Root = "custom_password_hash";
    private static readonly string[] SelfDescribing = ["argon2", "bcrypt", "ldap", "pbkdf2"];
    private static readonly string[] Known = ["argon2", "bcrypt", "hmac", "ldap", "md4", "md5", "sha1", "sha256", "sha512", "pbkdf2", "scrypt"];

    /// <summary>The hash; null with <paramref name="problem"/> set when the object is invalid or its algorithm not verifiable here.</summary>
    public static ImportedPasswordHash? Parse(JsonElement custom, out HashProblem? problem)
    {
        problem = null;
        if (custom.ValueKind != JsonValueKind.Object)
            return Fail(out problem, Root, "must be an object");
        if (String(custom, "algorithm") is not { } algorithm || !Known.Contains(algorithm))
            return Fail(out problem, $"{Root}.algorithm", $"must be one of {string.Join(", ", Known)}");
        if (!custom.TryGetProperty("hash", out var hash) || hash.ValueKind != JsonValueKind.Object || String(hash, "value") is not { Length: > 0 } value)
            return Fail(out problem, $"{Root}.hash.value", "is required");
        var encoding = String(hash, "encoding") ?? (SelfDescribing.Contains(algorithm) ? "utf8" : null);
        var json = custom.GetRawText();
        if (SelfDescribing.Contains(algorithm))
        {
            if (encoding != "utf8")
                return Fail(out problem, $"{Root}.hash.encoding", $"must be utf8 for {algorithm}");
            if (custom.TryGetProperty("salt", out _))
                return Fail(out problem, $"{Root}.salt", $"is not allowed for {algorithm} (the value carries its salt)");
            return SelfDescribed(algorithm, value, json, out problem);
        }
        if (algorithm is "md4" or "scrypt")
            return Fail(out problem, $"{Root}.algorithm", $"{algorithm} hashes cannot be verified by Flowgate yet");
        if (encoding is not ("hex" or "base64") || HashEncoding.Decode(value, encoding) is not { Length: > 0 } expected)
            return Fail(out problem, $"{Root}.hash.value", "must be a hex or base64 digest, with hash.encoding saying which");
        var digest = algorithm == "hmac" ? String(hash, "digest") : algorithm;
        if (digest is null || !DigestPasswordHash.Digests.Contains(digest))
            return Fail(out problem, $"{Root}.hash.digest", $"must be one of {string.Join(", ", DigestPasswordHash.Digests)}");
        byte[]? key = null;
        if (algorithm == "hmac")
        {
            var keyProblem = Encoded(hash, "key", out key);
            if (keyProblem is not null || key is null)
                return Fail(out problem, $"{Root}.hash.key", keyProblem ?? "is required for hmac");
        }
        if (Encoded(custom, "salt", out var salt) is { } saltProblem)
            return Fail(out problem, $"{Root}.salt", saltProblem);
        var position = custom.TryGetProperty("salt", out var saltObject) ? String(saltObject, "position") : "prefix";
        if (position is not ("prefix" or "suffix"))
            return Fail(out problem, $"{Root}.salt.position", "must be prefix or suffix");
        var passwordEncoding = custom.TryGetProperty("password", out var password) ? String(password, "encoding") ?? "utf8" : "utf8";
        if (!HashEncoding.Passwords.Contains(passwordEncoding))
            return Fail(out problem, $"{Root}.password.encoding", $"must be one of {string.Join(", ", HashEncoding.Passwords)}");
        return new DigestPasswordHash(digest, expected, salt, position == "prefix", passwordEncoding, key) { Json = json };
    }

    private static ImportedPasswordHash? SelfDescribed(string algorithm, string value, string json, out HashProblem? problem)
    {
        problem = null;
        var path = $"{Root}.hash.value";
        switch (algorithm)
        {
            case "bcrypt":
                return BcryptPasswordHash.IsWellFormed(value) ? new BcryptPasswordHash(value) { Json = json }
                    : Fail(out problem, path, $"must be a $2a$, $2b$ or $2y$ bcrypt hash with a cost of at most {BcryptPasswordHash.MaxCost}");
            case "ldap":
                var (ldap, ldapProblem) = LdapPasswordHash.From(value, json);
                return ldap ?? Fail(out problem, path, ldapProblem!);
        }
        if (PhcString.Parse(value) is not { } phc)
            return Fail(out problem, path, "must be a PHC string ($id$params$salt$hash)");
        if (algorithm == "argon2")
            return Argon2PasswordHash.Problem(phc) is { } argonProblem ? Fail(out problem, path, argonProblem) : new Argon2PasswordHash(phc) { Json = json };
        var (pbkdf2, pbkdf2Problem) = Pbkdf2PasswordHash.From(phc, json);
        return pbkdf2 ?? Fail(out problem, path, pbkdf2Problem!);
    }

    // An optional {value, encoding} member: null when absent or valid (bytes set when present), else what is wrong.
    private static string? Encoded(JsonElement parent, string name, out byte[]? bytes)
    {
        bytes = null;
        if (!parent.TryGetProperty(name, out var member))
            return null;
        if (member.ValueKind != JsonValueKind.Object || String(member, "value") is not { } value)
            return "must be an object with a value";
        var encoding = String(member, "encoding") ?? "utf8";
        if (!HashEncoding.Values.Contains(encoding))
            return $"encoding must be one of {string.Join(", ", HashEncoding.Values)}";
        bytes = HashEncoding.Decode(value, encoding);
        return bytes is null ? $"value is not valid {encoding}" : null;
    }

    private static string? String(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ImportedPasswordHash? Fail(out HashProblem? problem, string path, string message)
    {
        problem = new HashProblem(path, message);
        return null;
    }
}
