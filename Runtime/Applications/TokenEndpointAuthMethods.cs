namespace Flowgate.Runtime.Applications;

/// <summary>Auth0's <c>token_endpoint_auth_method</c>: how a client proves itself at <c>/oauth/token</c>.</summary>
public static class TokenEndpointAuthMethods
{
    /// <summary>A public client (single-page or native app): no secret, PKCE required.</summary>
    public const string None = "none";
    public const string ClientSecretPost = "client_secret_post";
    public const string ClientSecretBasic = "client_secret_basic";

    public static readonly IReadOnlyList<string> All = [None, ClientSecretPost, ClientSecretBasic];

    /// <summary>Single-page and native apps cannot keep a secret; the others can.</summary>
    public static string DefaultFor(string appType) =>
        appType is ApplicationTypes.Spa or ApplicationTypes.Native ? None : ClientSecretPost;
}
