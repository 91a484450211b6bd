using Flowgate.Runtime.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Runtime.Identity;

/// <summary>An end user of a tenant, with Auth0's profile fields and metadata.</summary>
public sealed class TenantUser : IdentityUser, ITenantScoped
{
    public string TenantId { get; set; } = Tenant.DefaultId;
    public string? Name { get; set; }
    public string? Nickname { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? Picture { get; set; }
    public string UserMetadataJson { get; set; } = "{}";
    public string AppMetadataJson { get; set; } = "{}";
    public bool Blocked { get; set; }
    public int LoginsCount { get; set; }
    public DateTimeOffset? LastLogin { get; set; }
    public DateTimeOffset? LastPasswordReset { get; set; }
    /// <summary>The user's identities as Auth0 lists them (JSON array); null for a database user, whose one identity follows from its id.</summary>
    public string? IdentitiesJson { get; set; }
    /// <summary>
    /// Auth0's <c>username</c> of a database user, when the connection requires one; null otherwise. Not Identity's
    /// <c>UserName</c>, which stays Flowgate's internal sign-in key (the e-mail of a database user).
    /// </summary>
    public string? DatabaseUsername { get; private set; }
    /// <summary>The username as it is compared: unique per tenant, without regard to case.</summary>
    public string? NormalizedDatabaseUsername { get; private set; }
    /// <summary>
    /// Set when this database user was linked into another user as a secondary identity: the row keeps the password
    /// (so the e-mail and password still log in, as the primary) but is no user of its own; a query filter hides it.
    /// </summary>
    public string? LinkedToUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>Sets the username and its normalized form together (checked by <see cref="UsernamePolicy"/> first).</summary>
    public void SetUsername(string? username)
    {
        DatabaseUsername = username;
        NormalizedDatabaseUsername = UsernamePolicy.Normalize(username);
    }
}
