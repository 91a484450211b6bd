using System.Text.Json.Nodes;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// A change to a user (Auth0's <c>PATCH /users/{id}</c>): null leaves a field as it is. Metadata is
/// merged the Auth0 way (see <see cref="UserMetadata.Merge"/>).
/// </summary>
public sealed record UserUpdate
{
    public string? Email { get; init; }
    /// <summary>Changing the email marks it unverified unless this says otherwise.</summary>
    public bool? EmailVerified { get; init; }
    public string? Password { get; init; }
    /// <summary>A new username (see <see cref="UsernamePolicy"/>).</summary>
    public string? Username { get; init; }
    public string? Name { get; init; }
    public string? Nickname { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? Picture { get; init; }
    public bool? Blocked { get; init; }
    public JsonObject? UserMetadata { get; init; }
    public JsonObject? AppMetadata { get; init; }
}
