namespace Flowgate.Runtime.Jobs;

/// <summary>Auth0's job types that Flowgate runs.</summary>
public static class UserJobTypes
{
    public const string Import = "users_import";
    public const string Export = "users_export";
    /// <summary>Sent at once (the mail is queued), recorded so <c>GET /jobs/{id}</c> answers as on Auth0.</summary>
    public const string VerificationEmail = "verification_email";
}
