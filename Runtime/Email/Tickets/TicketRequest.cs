namespace Flowgate.Runtime.Email.Tickets;

/// <summary>What a new ticket is for: its user, purpose, lifetime, and where the browser goes once it is used.</summary>
public sealed record TicketRequest(string Purpose, string UserId, TimeSpan Lifetime)
{
    public string? ResultUrl { get; init; }
    public bool IncludeEmailInRedirect { get; init; }
    public bool MarkEmailAsVerified { get; init; }
    public string? ClientId { get; init; }
}
