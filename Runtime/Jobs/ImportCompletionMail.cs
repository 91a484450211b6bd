using Flowgate.Runtime.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Jobs;

/// <summary>
/// Auth0's <c>send_completion_email</c>: the tenant's administrators hear that an import finished. Flowgate's
/// administrators have no mailbox on record, so the mail goes to <c>Email:AdminAddress</c>; without it, nothing is
/// sent and the log says so.
/// </summary>
public sealed class ImportCompletionMail(IEmailDelivery email, IOptions<EmailOptions> options, ILogger<ImportCompletionMail> logger)
{
    public async Task SendAsync(UserJob job, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.AdminAddress))
        {
            logger.LogInformation("Import job {JobId} asked for a completion e-mail; none sent: Email:AdminAddress is not set", job.Id);
            return;
        }
        var outcome = job.FailureMessage is null ? "completed" : "failed";
        await email.SendAsync(new EmailMessage(options.Value.AdminAddress, $"User import {job.Id} {outcome}",
            $"The user import {job.Id} into {job.Connection} {outcome}.\n\n" +
            $"Inserted: {job.Inserted}\nUpdated: {job.Updated}\nFailed: {job.Failed}\nTotal: {job.Total}\n" +
            (job.FailureMessage is null ? "" : $"\n{job.FailureMessage}\n") +
            (job.Failed > 0 ? $"\nThe failed rows and their reasons: GET /api/v2/jobs/{job.Id}/errors\n" : "")), cancellationToken);
    }
}
