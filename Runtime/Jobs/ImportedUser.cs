using Flowgate.Runtime.Identity;

namespace Flowgate.Runtime.Jobs;

/// <summary>A valid row of an import file: Auth0's user fields, metadata as validated JSON, the password hash if any.</summary>
public sealed record ImportedUser
{
    public required string Email { get; init; }
    public bool? EmailVerified { get; init; }
    /// <summary>Auth0's <c>username</c>, checked against the connection's <see cref="UsernamePolicy"/> when the batch is written.</summary>
    public string? Username { get; init; }
    /// <summary>The id without its connection prefix (Flowgate stores <c>auth0|</c> + this).</summary>
    public string? UserId { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? Name { get; init; }
    public string? Nickname { get; init; }
    public string? Picture { get; init; }
    public bool? Blocked { get; init; }
    public string? UserMetadataJson { get; init; }
    public string? AppMetadataJson { get; init; }
    public ImportedPasswordHash? PasswordHash { get; init; }
    /// <summary>Auth0 lets an upsert replace a custom_password_hash (not yet used at a login), never a password_hash.</summary>
    public bool PasswordHashIsCustom { get; init; }
    /// <summary>Auth0's <c>mfa_factors</c> (TOTP keys, phones), enrolled with a new user (an upsert leaves a user's factors as they are).</summary>
    public IReadOnlyList<ImportedFactor> Factors { get; init; } = [];
}
