using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Email.Templates;

/// <summary>
/// The tenant's e-mail templates: read, save (only a template that parses and renders with sample data is saved),
/// preview, and render for a mail. Each operation uses its own DbContext (a dashboard circuit lives long).
/// </summary>
public sealed class EmailTemplateService(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, TimeProvider clock, ILogger<EmailTemplateService> logger)
{
    /// <summary>The saved template, or null when the tenant never saved this one (Auth0 answers 404 then).</summary>
    public async Task<EmailTemplate?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.EmailTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.TenantId == tenant.Id && t.Name == name, cancellationToken);
    }

    /// <summary>The saved template or the default one.</summary>
    public async Task<EmailTemplate> GetAsync(string name, CancellationToken cancellationToken) =>
        await FindAsync(name, cancellationToken) ?? DefaultEmailTemplates.For(name);

    /// <summary>Checks and saves <paramref name="template"/>, replacing the tenant's saved one of that name.</summary>
    /// <exception cref="OperationRejectedException">The template is not valid; the message says why. Nothing is saved.</exception>
    public async Task<EmailTemplate> SaveAsync(EmailTemplate template, CancellationToken cancellationToken)
    {
        await EmailTemplateRules.CheckAsync(template);
        template.TenantId = tenant.Id;
        template.UpdatedAt = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saved = await db.EmailTemplates.SingleOrDefaultAsync(t => t.TenantId == tenant.Id && t.Name == template.Name, cancellationToken);
        if (saved is null)
            db.EmailTemplates.Add(template);
        else
            db.Entry(saved).CurrentValues.SetValues(template);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("E-mail template {Template} saved", template.Name);
        return template;
    }

    /// <summary>Renders a draft with sample data, for the dashboard's preview.</summary>
    /// <exception cref="LiquidTemplateException">The draft does not parse or render.</exception>
    public static async Task<RenderedMail> PreviewAsync(string subject, string body)
    {
        var model = MailModel.Sample();
        return new RenderedMail("", await RenderSubjectAsync(subject, model), await LiquidRenderer.RenderAsync(body, model, html: true));
    }

    /// <summary>Renders the tenant's template <paramref name="name"/> for one mail, or null when the template is disabled.</summary>
    public async Task<RenderedMail?> RenderAsync(string name, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        var template = await GetAsync(name, cancellationToken);
        if (!template.Enabled)
            return null;
        try
        {
            return new RenderedMail(template.From, await RenderSubjectAsync(template.Subject, model), await LiquidRenderer.RenderAsync(template.Body, model, html: true));
        }
        catch (LiquidTemplateException e)
        {
            // Saved templates rendered with sample data; real data can still break one (a loop past its limits).
            logger.LogWarning("E-mail template {Template} failed to render ({Reason}); the default one was used", name, e.Message);
            var fallback = DefaultEmailTemplates.For(name);
            return new RenderedMail(template.From, await RenderSubjectAsync(fallback.Subject, model), await LiquidRenderer.RenderAsync(fallback.Body, model, html: true));
        }
    }

    // A subject is a header, not HTML: not encoded, but kept to one line.
    internal static async Task<string> RenderSubjectAsync(string subject, IReadOnlyDictionary<string, object?> model) =>
        string.Join(' ', (await LiquidRenderer.RenderAsync(subject, model, html: false)).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
