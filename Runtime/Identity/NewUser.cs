using System.Text.Json.Nodes;

namespace Flowgate.Runtime.Identity;

/// <summary>What creating a database user takes (Auth0's <c>POST /users</c> body).</summary>
public sealed record NewUser
{
    /// <summary>Only the database connection exists: <see cref="UserIds.DatabaseConnection"/>.</summary>
    public string Connection { get; init; } = UserIds.DatabaseConnection;
    public required string Email { get; init; }
    public required string Password { get; init; }
    public bool EmailVerified { get; init; }
    /// <summary>Auth0's <c>username</c>: required when the connection requires usernames, refused otherwise.</summary>
    public string? Username { get; init; }
    /// <summary>Defaults to the email, as on Auth0.</summary>
    public string? Name { get; init; }
    /// <summary>Defaults to the part of the email before the <c>@</c>, as on Auth0.</summary>
    public string? Nickname { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? Picture { get; init; }
    public bool Blocked { get; init; }
    public JsonObject? UserMetadata { get; init; }
    public JsonObject? AppMetadata { get; init; }
}
