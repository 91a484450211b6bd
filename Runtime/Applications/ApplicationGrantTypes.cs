namespace Flowgate.Runtime.Applications;

/// <summary>The <c>grant_types</c> an application may use, in Auth0's names; Flowgate supports these three.</summary>
public static class ApplicationGrantTypes
{
    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";
    public const string ClientCredentials = "client_credentials";

    public static readonly IReadOnlyList<string> All = [AuthorizationCode, RefreshToken, ClientCredentials];

    /// <summary>What a new application of this type may use unless told otherwise.</summary>
    public static IReadOnlyList<string> DefaultsFor(string appType) =>
        appType == ApplicationTypes.MachineToMachine ? [ClientCredentials] : [AuthorizationCode, RefreshToken];
}
