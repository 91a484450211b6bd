using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Email;
using Flowgate.Runtime.Email.Templates;
using Flowgate.Runtime.Email.Tickets;
using Flowgate.Runtime.Identity;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// The mails an end user receives about their account, each rendered from the tenant's template (or the default):
/// e-mail verification (with a fresh ticket), password reset, welcome. Links are built on the configured issuer,
/// never on the request's Host header, so a forged Host cannot end up in a mailed link.
/// </summary>
internal sealed class AccountMail(
    EmailTemplateService templates, EmailTickets tickets, IEmailDelivery email, IssuerResolver issuers, ApplicationService applications,
    ILogger<AccountMail> logger)
{
    public const string VerificationPath = "u/email-verification", PasswordChangePath = "u/password-change";

    /// <summary>Issues a verification ticket for the user's current address and mails it. False when the template is disabled.</summary>
    public async Task<bool> SendVerificationAsync(TenantUser user, string? clientId, CancellationToken cancellationToken)
    {
        var template = await templates.GetAsync(EmailTemplateNames.VerifyEmail, cancellationToken);
        if (!template.Enabled)
        {
            logger.LogInformation("No verification mail for user {UserId}: the verify_email template is disabled", user.Id);
            return false;
        }
        var token = await tickets.IssueAsync(new TicketRequest(EmailTicketPurpose.EmailVerification, user.Id,
            TimeSpan.FromSeconds(template.UrlLifetimeInSeconds is > 0 and var s ? s : DefaultEmailTemplates.DefaultUrlLifetimeInSeconds))
        {
            ResultUrl = template.ResultUrl,
            IncludeEmailInRedirect = template.IncludeEmailInRedirect,
            ClientId = clientId,
        }, cancellationToken);
        return await SendAsync(EmailTemplateNames.VerifyEmail, user, TicketUrl(VerificationPath, token), clientId, cancellationToken);
    }

    /// <summary>Mails a password reset link (the hosted forgot-password page's).</summary>
    public Task<bool> SendResetAsync(TenantUser user, string link, CancellationToken cancellationToken) =>
        SendAsync(EmailTemplateNames.ResetEmail, user, link, null, cancellationToken);

    /// <summary>Mails the welcome message, when the tenant enabled it.</summary>
    public Task<bool> SendWelcomeAsync(TenantUser user, string? clientId, CancellationToken cancellationToken) =>
        SendAsync(EmailTemplateNames.WelcomeEmail, user, null, clientId, cancellationToken);

    /// <summary>The absolute URL of a ticket's hosted page.</summary>
    public string TicketUrl(string path, string token) => $"{issuers.Resolve()}{path}?ticket={Uri.EscapeDataString(token)}";

    private async Task<bool> SendAsync(string templateName, TenantUser user, string? url, string? clientId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(user.Email))
            return false;
        var applicationName = clientId is null ? null : await applications.FindNameAsync(clientId, cancellationToken);
        if (await templates.RenderAsync(templateName, MailModel.For(user, url, applicationName, clientId: clientId), cancellationToken) is not { } mail)
            return false;
        await email.SendAsync(new EmailMessage(user.Email, mail.Subject, MailText.FromHtml(mail.Html))
        {
            Html = mail.Html,
            From = mail.From.Length == 0 ? null : mail.From,
        }, cancellationToken);
        logger.LogInformation("Mail {Template} sent to user {UserId}", templateName, user.Id);
        return true;
    }
}
