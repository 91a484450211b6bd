namespace Flowgate.Runtime.Applications;

/// <summary>Auth0's access token dialects for an API.</summary>
public static class TokenDialects
{
    /// <summary>Scopes only.</summary>
    public const string AccessToken = "access_token";
    /// <summary>Scopes and a <c>permissions</c> array (with RBAC on).</summary>
    public const string AccessTokenAuthz = "access_token_authz";

    /// <summary>Whether Flowgate knows this dialect.</summary>
    public static bool IsKnown(string dialect) => dialect is AccessToken or AccessTokenAuthz;
}
