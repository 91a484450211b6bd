using System.Security.Cryptography;

namespace Flowgate.Runtime.Identity;

/// <summary>Auth0-shaped user ids (<c>auth0|</c> + 24 hex digits), so Actions that parse them keep working.</summary>
public static class UserIds
{
    public const string DatabaseConnection = "Username-Password-Authentication";

    public static string NewDatabaseUserId() => "auth0|" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
