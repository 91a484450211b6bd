namespace Flowgate.Runtime.Connections;

/// <summary>Auth0's strategy names Flowgate knows, and what each means for a user's identity.</summary>
public static class ConnectionStrategies
{
    /// <summary>The database connection (Username-Password-Authentication).</summary>
    public const string Database = "auth0";
    public const string Oidc = "oidc";
    public const string OAuth2 = "oauth2";
    public const string Google = "google-oauth2";
    public const string GitHub = "github";
    public const string WindowsLive = "windowslive";

    /// <summary>The strategies a connection can be created with.</summary>
    public static readonly IReadOnlyList<string> Creatable = [Oidc, OAuth2, Google, GitHub, WindowsLive];

    /// <summary>Social strategies (Auth0's <c>isSocial</c>); <c>oidc</c> is an enterprise one.</summary>
    public static bool IsSocial(string strategy) => strategy is OAuth2 or Google or GitHub or WindowsLive;

    /// <summary>
    /// The user id of an upstream user, as Auth0 writes it in <c>identities[].user_id</c>: the subject for a social
    /// preset, <c>connection|subject</c> for <c>oidc</c> and <c>oauth2</c>, where the subject alone would not say which provider issued it.
    /// </summary>
    public static string IdentityUserId(string strategy, string connectionName, string subject) =>
        strategy is Oidc or OAuth2 ? connectionName + "|" + subject : subject;
}
