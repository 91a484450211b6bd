using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// The database connection's usernames, as Auth0's <c>options.requires_username</c> and
/// <c>options.validation.username</c> set them: whether users have one, and its length (Auth0's default 1 to 15).
/// A username is the characters Auth0 allows, and never an e-mail address, so a login identifier is one or the other.
/// </summary>
public sealed partial record UsernamePolicy(bool Required, int Min = UsernamePolicy.DefaultMin, int Max = UsernamePolicy.DefaultMax)
{
    public const int DefaultMin = 1, DefaultMax = 15, MaxLength = 128;

    /// <summary>Identity's error code for a username another user of the tenant has.</summary>
    public const string DuplicateCode = "DuplicateUsername";

    public static UsernamePolicy Default { get; } = new(false);

    /// <summary>Why the length limits cannot be kept (Auth0's bounds: min at least 1, max at most 128), or null.</summary>
    public string? LimitsProblem() =>
        Min < 1 || Max > MaxLength || Min > Max ? $"options.validation.username must have 1 <= min <= max <= {MaxLength}." : null;

    /// <summary>Why <paramref name="username"/> cannot be a user's username under this policy, or null when it can.</summary>
    public string? Problem(string username)
    {
        if (!Required)
            return "Cannot set username for connection without requires_username.";
        if (username.Length < Min || username.Length > Max)
            return $"The username must have between {Min} and {Max} characters.";
        if (!Allowed().IsMatch(username))
            return "The username may only contain letters, digits and _ + - . ! # $ ' ^ ` ~ @.";
        return LooksLikeEmail(username) ? "The username cannot be an e-mail address." : null;
    }

    /// <summary>The form usernames are compared in: unique per tenant without regard to case.</summary>
    public static string? Normalize(string? username) => username?.ToUpperInvariant();

    /// <summary>Reads the policy from its settings section (<see cref="ToJson"/>); absent means Auth0's defaults.</summary>
    public static UsernamePolicy FromJson(JsonObject? json) => json is null ? Default : new(
        json["requires_username"]?.GetValue<bool>() ?? false,
        json["min"]?.GetValue<int>() ?? DefaultMin,
        json["max"]?.GetValue<int>() ?? DefaultMax);

    public JsonObject ToJson() => new() { ["requires_username"] = Required, ["min"] = Min, ["max"] = Max };

    private static bool LooksLikeEmail(string username) => username.IndexOf('@') is >= 0 and var at && username.IndexOf('.', at) > at;

    [GeneratedRegex(@"^[a-zA-Z0-9_+\-.!#$^`~@']+$")]
    private static partial Regex Allowed();
}
