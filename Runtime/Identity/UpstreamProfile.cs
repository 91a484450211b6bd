using System.Text.Json.Nodes;

namespace Flowgate.Runtime.Identity;

/// <summary>Who an upstream provider says logged in: the subject, Auth0's normalized profile fields, and the raw profile.</summary>
public sealed record UpstreamProfile(string ConnectionName, string Strategy, string Subject, JsonObject ProfileData)
{
    public string? Email { get; init; }
    public bool EmailVerified { get; init; }
    public string? Name { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? Nickname { get; init; }
    public string? Picture { get; init; }

    /// <summary>The identity this profile is, with Auth0's provider and user id.</summary>
    public UserIdentity Identity => new(Strategy, Connections.ConnectionStrategies.IdentityUserId(Strategy, ConnectionName, Subject), ConnectionName,
        Connections.ConnectionStrategies.IsSocial(Strategy), ProfileData);
}
