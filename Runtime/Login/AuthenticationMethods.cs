using System.Text.Json;

namespace Flowgate.Runtime.Login;

/// <summary>
/// The methods a login was authenticated with, carried in its code and refresh tokens as a private claim (never in
/// an ID or access token), so that a refresh shows the post-login flow the methods of the login it continues (a
/// second factor passed then is still <c>mfa</c>), as Auth0 does, instead of a bare password.
/// </summary>
public static class AuthenticationMethods
{
    /// <summary>The claim type, kept only in the server's own tokens (codes and refresh tokens).</summary>
    public const string ClaimType = "flowgate_methods";

    /// <summary>Auth0's name for a second factor passed during the login.</summary>
    public const string Mfa = "mfa";

    /// <summary>Auth0's name for a password.</summary>
    public const string Password = "pwd";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The claim's value for <paramref name="methods"/>.</summary>
    public static string ToClaim(IReadOnlyList<AuthenticationMethod> methods) => JsonSerializer.Serialize(methods, Json);

    /// <summary>The methods in a claim's value; null when the claim is absent or not a list of methods.</summary>
    public static IReadOnlyList<AuthenticationMethod>? FromClaim(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        try
        {
            return JsonSerializer.Deserialize<AuthenticationMethod[]>(value, Json) is { Length: > 0 } methods
                && methods.All(m => !string.IsNullOrEmpty(m.Name)) ? methods : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
