using Flowgate.Runtime.Identity;

namespace Flowgate.Runtime.Email.Tickets;

/// <summary>A used ticket and its user (as they are after the ticket's effect), or why it was refused.</summary>
public sealed record TicketRedemption(EmailTicket? Ticket, TenantUser? User, string? Refusal)
{
    /// <summary>Whether this use turned the user's address from unverified to verified (the welcome mail follows it).</summary>
    public bool NewlyVerified { get; init; }

    public static TicketRedemption Refused(string reason) => new(null, null, reason);
}
