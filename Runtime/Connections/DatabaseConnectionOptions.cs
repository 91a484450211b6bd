using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Identity;

namespace Flowgate.Runtime.Connections;

/// <summary>
/// The options of the built-in database connection in Auth0's shape. Only the username options
/// (<c>requires_username</c>, <c>validation.username.min/max</c>) are the tenant's to set; the others say what Flowgate does.
/// </summary>
internal static class DatabaseConnectionOptions
{
    private const string RequiresUsername = "requires_username", Validation = "validation";

    public static JsonObject Of(UsernamePolicy usernames)
    {
        // Users may change their password themselves (the reset link on the login page): Auth0's default, which the
        // Deploy CLI sends back on every import.
        var options = new JsonObject
        {
            ["brute_force_protection"] = true, ["disable_signup"] = false, [RequiresUsername] = usernames.Required,
            ["disable_self_service_change_password"] = false,
        };
        if (usernames.Required)
            options[Validation] = new JsonObject { ["username"] = new JsonObject { ["min"] = usernames.Min, ["max"] = usernames.Max } };
        return options;
    }

    /// <summary>The username policy a write's options ask for (Auth0 replaces options whole: absent values are the defaults).</summary>
    public static UsernamePolicy UsernamePolicyOf(JsonObject options)
    {
        var required = options[RequiresUsername] switch
        {
            null => false,
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            _ => throw Invalid("options.requires_username must be a boolean."),
        };
        var limits = options[Validation]?["username"];
        if (limits is not (null or JsonObject))
            throw Invalid("options.validation.username must be an object with min and max.");
        var policy = new UsernamePolicy(required, Number(limits?["min"], "min") ?? UsernamePolicy.DefaultMin,
            Number(limits?["max"], "max") ?? UsernamePolicy.DefaultMax);
        return policy.LimitsProblem() is { } problem ? throw Invalid(problem) : policy;
    }

    /// <summary>
    /// Whether each option a write gives, apart from the username options it may change, is what the connection is
    /// (a write that leaves some out changes nothing there: Flowgate's values are the only ones).
    /// </summary>
    public static bool SameBesidesUsernames(JsonObject given, JsonObject current) =>
        given.Where(o => o.Key is not (RequiresUsername or Validation)).All(o => JsonNode.DeepEquals(o.Value, current[o.Key]));

    private static int? Number(JsonNode? node, string name) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) => number,
        _ => throw Invalid($"options.validation.username.{name} must be an integer."),
    };

    private static OperationRejectedException Invalid(string reason) =>
        new(RejectionKind.Invalid, "Payload validation error: " + reason) { ErrorCode = "invalid_body" };
}
