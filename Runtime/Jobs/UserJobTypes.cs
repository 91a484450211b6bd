namespace Flowgate.Runtime.Jobs;

/// <summary>Auth0's job types that Flowgate runs.</summary>
public static class UserJobTypes
{
    public const string Import = "users_import";
    public const string Export = "users_export";
}
