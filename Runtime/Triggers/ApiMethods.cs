namespace Flowgate.Runtime.Triggers;

/// <summary>Short builders for catalog entries, and the api methods several triggers share.</summary>
internal static class ApiMethods
{
    public const string Api = ApiMethod.ApiTypeReturn;

    public static ApiMethod Call(string path, string doc, string returns, params ApiParameter[] parameters) =>
        new() { Path = path, Doc = doc, Returns = returns, Parameters = parameters };

    public static ApiParameter Param(string name, string type, string doc) => new(name, type, doc);

    public static ApiParameter Optional(string name, string type, string doc) => new(name, type, doc, Optional: true);

    /// <summary>
    /// <c>api.cache</c>: a key/value store with Auth0's limits, kept per tenant and trigger across executions
    /// (in the host's memory, best effort: a restart or another instance starts empty, as Auth0 warns).
    /// </summary>
    public static IReadOnlyList<ApiMethod> Cache { get; } =
    [
        Call("cache.get", "Retrieve a record this trigger's executions cached (best effort: it may be gone before it expires). Returns `{ value, expires_at }` or `undefined` when absent or expired.",
            "CacheRecord | undefined", Param("key", "string", "The key of the record.")) with { Records = false, Result = "ctx.cache.get(key)" },
        Call("cache.set", "Store or update a string value (key ≤ 64 bytes, value ≤ 4 kB, ≤ 20 entries, 8 kB total). The default TTL is 15 minutes, at most 24 hours; when both `ttl` and `expires_at` are given the earlier expiry wins.",
            "CacheWriteResult", Param("key", "string", "The key of the record."), Param("value", "string", "The value to store."),
            Optional("options", "CacheSetOptions", "`ttl` in milliseconds, or `expires_at` as a timestamp in milliseconds.")) with { Records = false, Result = "ctx.cache.set(key, value, options)" },
        Call("cache.delete", "Delete a record from the cache.", "CacheWriteResult",
            Param("key", "string", "The key of the record.")) with { Records = false, Result = "ctx.cache.delete(key)" },
    ];

    /// <summary>Metadata setters whose writes are batched and applied to <c>event.user</c> of later Actions.</summary>
    public static IReadOnlyList<ApiMethod> UserMetadata { get; } =
    [
        Call("user.setAppMetadata", "Set application metadata for the user. Writes are batched into one update at the end of the trigger; later Actions see them in `event.user.app_metadata`. `null` removes the key.",
            Api, Param("key", "string", "The metadata property."), Param("value", "unknown", "The value; `null` removes the property.")) with { Guard = MetadataGuard },
        Call("user.setUserMetadata", "Set general metadata for the user. Writes are batched into one update at the end of the trigger; later Actions see them in `event.user.user_metadata`. `null` removes the key.",
            Api, Param("key", "string", "The metadata property."), Param("value", "unknown", "The value; `null` removes the property.")) with { Guard = MetadataGuard },
    ];

    // `undefined` is no write at all: Auth0 sends the batch as JSON, where an undefined value vanishes
    // (recorded as-is it would serialize as null and delete the key).
    private static string MetadataGuard => RequireString("key") + " if (value === undefined) return api;";

    /// <summary><c>validation.error</c>, shared by post-login and pre-user-registration.</summary>
    public static ApiMethod ValidationError { get; } =
        Call("validation.error", "Block the transaction with a custom error. The code goes to the logs, the message is shown to the user.",
            Api, Param("errorCode", "string", "A code for the logs."), Param("errorMessage", "string", "The message shown to the user."));

    /// <summary>Rejects arguments that are not strings, as Auth0's api does.</summary>
    public static string RequireString(string name) =>
        $"if (typeof {name} !== 'string') throw new TypeError('{name} must be a string');";
}
