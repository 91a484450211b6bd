using System.Net.Mail;
using Flowgate.Runtime.Actions;

namespace Flowgate.Runtime.Email.Templates;

/// <summary>What a template must be to be saved: a known name, Liquid that parses and renders with sample data, sane sizes and URLs.</summary>
internal static class EmailTemplateRules
{
    public static async Task CheckAsync(EmailTemplate template)
    {
        if (!EmailTemplateNames.IsKnown(template.Name))
            throw Invalid($"Payload validation error: 'template' must be one of {string.Join(", ", EmailTemplateNames.All)}.");
        if (template.Syntax != "liquid")
            throw Invalid("Payload validation error: 'syntax' must be liquid.");
        if (template.Body.Length > EmailTemplate.MaxBody)
            throw Invalid($"Payload validation error: 'body' is longer than {EmailTemplate.MaxBody} characters.");
        if (template.Subject.Length > EmailTemplate.MaxSubject)
            throw Invalid($"Payload validation error: 'subject' is longer than {EmailTemplate.MaxSubject} characters.");
        if (template.From.Length > 0 && (template.From.Length > EmailTemplate.MaxFrom || !MailAddress.TryCreate(template.From, out _)))
            throw Invalid("Payload validation error: 'from' must be an e-mail address, such as Support <support@example.com>.");
        if (template.ResultUrl is { } url && (url.Length > EmailTemplate.MaxResultUrl
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            throw Invalid("Payload validation error: 'resultUrl' must be an absolute http(s) URL.");
        if (template.UrlLifetimeInSeconds is < 0 or > 30 * 24 * 3600)
            throw Invalid("Payload validation error: 'urlLifetimeInSeconds' must be between 0 and 2592000.");
        if (LiquidRenderer.SyntaxError(template.Body) is { } bodyError)
            throw Invalid($"The body is not valid Liquid: {bodyError}");
        if (LiquidRenderer.SyntaxError(template.Subject) is { } subjectError)
            throw Invalid($"The subject is not valid Liquid: {subjectError}");
        try
        {
            await EmailTemplateService.PreviewAsync(template.Subject, template.Body);
        }
        catch (LiquidTemplateException e)
        {
            throw Invalid($"The template does not render: {e.Message}");
        }
    }

    private static OperationRejectedException Invalid(string message) => new(RejectionKind.Invalid, message);
}
