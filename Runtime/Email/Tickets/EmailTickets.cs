using System.Security.Cryptography;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Email.Tickets;

/// <summary>
/// Issues and redeems <see cref="EmailTicket"/>s. Redeeming is where the rules live: the right purpose, not used, not
/// expired, the user still active and still at the address the ticket was issued for; the first use wins (a
/// compare-and-set on <c>UsedAt</c>, so two instances cannot both accept one link).
/// </summary>
public sealed class EmailTickets(
    IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, EmailTicketSweep sweep, TimeProvider clock, ILogger<EmailTickets> logger)
{
    public const string Expired = "This link has expired.", Used = "This link was already used.", Invalid = "This link is invalid.",
        EmailChanged = "This link was sent to an address the account no longer uses.";

    /// <summary>Issues a ticket and returns its token (the only time it exists in clear).</summary>
    public async Task<string> IssueAsync(TicketRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId && u.TenantId == tenant.Id, cancellationToken)
            ?? throw new OperationRejectedException(RejectionKind.NotFound, "The user does not exist.");
        if (string.IsNullOrEmpty(user.Email))
            throw new OperationRejectedException(RejectionKind.Invalid, "The user has no e-mail address.");
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.EmailTickets.Add(new EmailTicket
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            TenantId = tenant.Id,
            Purpose = request.Purpose,
            UserId = user.Id,
            Email = user.Email,
            TokenHash = TextHash.Sha256Hex(token),
            CreatedAt = now,
            ExpiresAt = now + request.Lifetime,
            ResultUrl = request.ResultUrl,
            IncludeEmailInRedirect = request.IncludeEmailInRedirect,
            MarkEmailAsVerified = request.MarkEmailAsVerified,
            ClientId = request.ClientId,
        });
        await db.SaveChangesAsync(cancellationToken);
        await sweep.SweepIfDueAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Uses the ticket once. An e-mail verification ticket verifies the address; a password-change ticket marked so
    /// verifies it only once the new password is set (as on Auth0: opening the link alone proves nothing was changed).
    /// </summary>
    public async Task<TicketRedemption> RedeemAsync(string purpose, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
            return TicketRedemption.Refused(Invalid);
        var hash = TextHash.Sha256Hex(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticket = await db.EmailTickets.AsNoTracking()
            .SingleOrDefaultAsync(t => t.TokenHash == hash && t.TenantId == tenant.Id && t.Purpose == purpose, cancellationToken);
        var now = clock.GetUtcNow();
        if (ticket is null)
            return TicketRedemption.Refused(Invalid);
        if (ticket.UsedAt is not null)
            return TicketRedemption.Refused(Used);
        if (ticket.ExpiresAt <= now)
            return TicketRedemption.Refused(Expired);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == ticket.UserId && u.TenantId == tenant.Id, cancellationToken);
        if (user is null || user.Blocked)
            return TicketRedemption.Refused(Invalid);
        if (!string.Equals(user.Email, ticket.Email, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Ticket {TicketId} refused: user {UserId} changed their address since", ticket.Id, user.Id);
            return TicketRedemption.Refused(EmailChanged);
        }
        if (await db.EmailTickets.Where(t => t.Id == ticket.Id && t.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken) != 1)
            return TicketRedemption.Refused(Used);
        ticket.UsedAt = now;
        var newlyVerified = purpose == EmailTicketPurpose.EmailVerification && !user.EmailConfirmed;
        if (newlyVerified)
        {
            user.EmailConfirmed = true;
            user.UpdatedAt = now;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("User {UserId} verified their e-mail address", user.Id);
        }
        return new TicketRedemption(ticket, user, null) { NewlyVerified = newlyVerified };
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
