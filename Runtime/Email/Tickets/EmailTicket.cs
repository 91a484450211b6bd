using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Email.Tickets;

/// <summary>
/// A mailed or handed-out link (e-mail verification, password change). Only the SHA-256 of its random token is
/// stored: the database does not hold usable links. Single use, expiring, and bound to the user and to the address it
/// was issued for, so a link sent to an old address proves nothing about the new one.
/// </summary>
public sealed class EmailTicket : ITenantScoped
{
    public required string Id { get; init; }
    public string TenantId { get; set; } = Tenant.DefaultId;
    /// <summary><see cref="EmailTicketPurpose"/>.</summary>
    public required string Purpose { get; init; }
    public required string UserId { get; init; }
    /// <summary>The user's address when the ticket was issued.</summary>
    public required string Email { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
    public string? ResultUrl { get; init; }
    public bool IncludeEmailInRedirect { get; init; }
    /// <summary>Password-change tickets: setting the new password through the link also marks the address verified.</summary>
    public bool MarkEmailAsVerified { get; init; }
    public string? ClientId { get; init; }
}
