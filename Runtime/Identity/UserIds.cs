using System.Security.Cryptography;

namespace Flowgate.Runtime.Identity;

/// <summary>Auth0-shaped user ids (<c>auth0|</c> + 24 hex digits), so Actions that parse them keep working.</summary>
public static class UserIds
{
    public const string DatabaseConnection = "Username-Password-Authentication";

    /// <summary>
    /// The database connection's Auth0-shaped id (<c>con_</c> + 16 characters), fixed: Flowgate has this one connection,
    /// and import and export jobs name it by id as on Auth0.
    /// </summary>
    public const string DatabaseConnectionId = "con_UsernamePassword";

    public static string NewDatabaseUserId() => "auth0|" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
