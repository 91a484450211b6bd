using Flowgate.Dashboard.Login;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Email.Templates;
using Flowgate.Runtime.Email.Tickets;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Jobs;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// <c>/api/v2/tickets/*</c> (links an administrator hands to a user: e-mail verification, password change) and
/// <c>/api/v2/jobs/verification-email</c> (mail the verification link now). Tickets are single use, expire after
/// <c>ttl_sec</c> (five days by default) and are bound to the user's address at the time they were made.
/// </summary>
internal static class TicketEndpoints
{
    private const int MaxTtlSeconds = 30 * 24 * 3600;

    public static void MapTickets(this RouteGroupBuilder api)
    {
        api.MapPost("/tickets/email-verification", EmailVerificationAsync).RequireScope("create:user_tickets");
        api.MapPost("/tickets/password-change", PasswordChangeAsync).RequireScope("create:user_tickets");
        api.MapPost("/jobs/verification-email", VerificationEmailAsync).RequireScope("update:users");
    }

    private static async Task<IResult> EmailVerificationAsync(EmailVerificationTicketBody body, UserService users, EmailTickets tickets, AccountMail mail,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(body.UserId))
            return ManagementError.Result(400, "Payload validation error: Missing required property: user_id.", "invalid_body");
        var user = await users.GetAsync(body.UserId, cancellationToken);
        return await IssueAsync(tickets, mail, AccountMail.VerificationPath, new TicketRequest(EmailTicketPurpose.EmailVerification, user.Id, Lifetime(body.TtlSec))
        {
            ResultUrl = ResultUrl(body.ResultUrl),
            IncludeEmailInRedirect = body.IncludeEmailInRedirect ?? false,
            ClientId = body.ClientId,
        }, cancellationToken);
    }

    private static async Task<IResult> PasswordChangeAsync(PasswordChangeTicketBody body, UserService users, EmailTickets tickets, AccountMail mail,
        CancellationToken cancellationToken)
    {
        TenantUser user;
        if (!string.IsNullOrEmpty(body.UserId))
        {
            if (body.Email is not null || body.ConnectionId is not null)
                return ManagementError.Result(400, "Payload validation error: give user_id, or email and connection_id, not both.", "invalid_body");
            user = await users.GetAsync(body.UserId, cancellationToken);
        }
        else if (!string.IsNullOrEmpty(body.Email) && !string.IsNullOrEmpty(body.ConnectionId))
        {
            if (body.ConnectionId != UserIds.DatabaseConnectionId)
                return ManagementError.Result(400, $"The connection does not exist: {body.ConnectionId}.", "invalid_body");
            user = (await users.ListByEmailAsync(body.Email, cancellationToken)).FirstOrDefault()
                ?? throw new OperationRejectedException(RejectionKind.NotFound, "The user does not exist.");
        }
        else
            return ManagementError.Result(400, "Payload validation error: user_id, or email and connection_id, are required.", "invalid_body");
        return await IssueAsync(tickets, mail, AccountMail.PasswordChangePath, new TicketRequest(EmailTicketPurpose.PasswordChange, user.Id, Lifetime(body.TtlSec))
        {
            ResultUrl = ResultUrl(body.ResultUrl),
            IncludeEmailInRedirect = body.IncludeEmailInRedirect ?? false,
            MarkEmailAsVerified = body.MarkEmailAsVerified ?? false,
            ClientId = body.ClientId,
        }, cancellationToken);
    }

    // Auth0 answers 201 with the link only: { "ticket": url }.
    private static async Task<IResult> IssueAsync(EmailTickets tickets, AccountMail mail, string path, TicketRequest request, CancellationToken cancellationToken) =>
        TypedResults.Json(new { ticket = mail.TicketUrl(path, await tickets.IssueAsync(request, cancellationToken)) }, statusCode: StatusCodes.Status201Created);

    private static async Task<IResult> VerificationEmailAsync(VerificationEmailJobBody body, UserService users, UserJobService jobs, AccountMail mail,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(body.UserId))
            return ManagementError.Result(400, "Payload validation error: Missing required property: user_id.", "invalid_body");
        var user = await users.GetAsync(body.UserId, cancellationToken);
        if (!await mail.SendVerificationAsync(user, body.ClientId, cancellationToken))
            return ManagementError.Result(400, $"No verification e-mail was sent: the {EmailTemplateNames.VerifyEmail} template is disabled.", "email_template_disabled");
        var job = await jobs.RecordVerificationEmailAsync(cancellationToken);
        return TypedResults.Json(JobJson.Job(job, null), statusCode: StatusCodes.Status201Created);
    }

    private static TimeSpan Lifetime(int? ttlSec) => ttlSec switch
    {
        null or 0 => TimeSpan.FromSeconds(DefaultEmailTemplates.DefaultUrlLifetimeInSeconds),
        < 0 or > MaxTtlSeconds => throw new OperationRejectedException(RejectionKind.Invalid, $"Payload validation error: 'ttl_sec' must be between 0 and {MaxTtlSeconds}."),
        var seconds => TimeSpan.FromSeconds(seconds.Value),
    };

    // Prevent open redirects to script: an absolute http(s) address only.
    private static string? ResultUrl(string? url) =>
        url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && url.Length <= 2000)
            ? url
            : throw new OperationRejectedException(RejectionKind.Invalid, "Payload validation error: 'result_url' must be an absolute http(s) URL.");
}
