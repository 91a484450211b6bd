using System.Text.Json.Nodes;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Email.Templates;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// <c>/api/v2/email-templates</c>: the tenant's Liquid mail templates, as on Auth0. A template never saved answers 404
/// (Flowgate then mails its default); a body that is not valid Liquid is refused with 400 and the parser's reason.
/// </summary>
internal static class EmailTemplateEndpoints
{
    public static void MapEmailTemplates(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/email-templates");
        templates.MapPost("/", CreateAsync).RequireScope("create:email_templates");
        templates.MapGet("/{templateName}", GetAsync).RequireScope("read:email_templates");
        templates.MapPut("/{templateName}", ReplaceAsync).RequireScope("update:email_templates");
        templates.MapPatch("/{templateName}", UpdateAsync).RequireScope("update:email_templates");
    }

    private static async Task<IResult> GetAsync(string templateName, EmailTemplateService service, CancellationToken cancellationToken)
    {
        CheckName(templateName);
        return await service.FindAsync(templateName, cancellationToken) is { } template
            ? TypedResults.Ok(Json(template))
            : ManagementError.Result(404, "The template does not exist.", "inexistent_email_template");
    }

    private static async Task<IResult> CreateAsync(EmailTemplateBody body, EmailTemplateService service, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(body.Template))
            return ManagementError.Result(400, "Payload validation error: 'template' is required.", "invalid_body");
        CheckName(body.Template);
        if (await service.FindAsync(body.Template, cancellationToken) is not null)
            return ManagementError.Result(409, "The template already exists.", "email_template_conflict");
        return TypedResults.Json(Json(await service.SaveAsync(Whole(body.Template, body), cancellationToken)), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ReplaceAsync(string templateName, EmailTemplateBody body, EmailTemplateService service, CancellationToken cancellationToken)
    {
        CheckName(templateName);
        return TypedResults.Ok(Json(await service.SaveAsync(Whole(templateName, body), cancellationToken)));
    }

    private static async Task<IResult> UpdateAsync(string templateName, EmailTemplateBody body, EmailTemplateService service, CancellationToken cancellationToken)
    {
        CheckName(templateName);
        if (await service.FindAsync(templateName, cancellationToken) is not { } saved)
            return ManagementError.Result(404, "The template does not exist.", "inexistent_email_template");
        SameName(templateName, body);
        saved.Body = body.Body ?? saved.Body;
        saved.From = body.From ?? saved.From;
        saved.Subject = body.Subject ?? saved.Subject;
        saved.Syntax = body.Syntax ?? saved.Syntax;
        saved.Enabled = body.Enabled ?? saved.Enabled;
        saved.ResultUrl = body.ResultUrl ?? saved.ResultUrl;
        saved.UrlLifetimeInSeconds = body.UrlLifetimeInSeconds ?? saved.UrlLifetimeInSeconds;
        saved.IncludeEmailInRedirect = body.IncludeEmailInRedirect ?? saved.IncludeEmailInRedirect;
        return TypedResults.Ok(Json(await service.SaveAsync(saved, cancellationToken)));
    }

    // POST and PUT carry the whole template: Auth0 requires body, from, subject, syntax and enabled.
    private static EmailTemplate Whole(string name, EmailTemplateBody body)
    {
        SameName(name, body);
        foreach (var (field, value) in new (string, object?)[] { ("body", body.Body), ("from", body.From), ("subject", body.Subject), ("syntax", body.Syntax), ("enabled", body.Enabled) })
            if (value is null)
                throw new OperationRejectedException(RejectionKind.Invalid, $"Payload validation error: Missing required property: {field}.");
        return new EmailTemplate
        {
            Name = name,
            Body = body.Body!,
            From = body.From!,
            Subject = body.Subject!,
            Syntax = body.Syntax!,
            Enabled = body.Enabled!.Value,
            ResultUrl = body.ResultUrl,
            UrlLifetimeInSeconds = body.UrlLifetimeInSeconds,
            IncludeEmailInRedirect = body.IncludeEmailInRedirect ?? false,
        };
    }

    private static void SameName(string name, EmailTemplateBody body)
    {
        if (body.Template is { } given && given != name)
            throw new OperationRejectedException(RejectionKind.Invalid, $"Payload validation error: 'template' ({given}) differs from the path ({name}).");
    }

    private static void CheckName(string name)
    {
        if (!EmailTemplateNames.IsKnown(name))
            throw new OperationRejectedException(RejectionKind.Invalid, $"Path validation error: 'templateName' must be one of {string.Join(", ", EmailTemplateNames.All)}.");
    }

    private static JsonObject Json(EmailTemplate template)
    {
        var json = new JsonObject
        {
            ["template"] = template.Name,
            ["body"] = template.Body,
            ["from"] = template.From,
            ["subject"] = template.Subject,
            ["syntax"] = template.Syntax,
            ["enabled"] = template.Enabled,
            ["includeEmailInRedirect"] = template.IncludeEmailInRedirect,
        };
        if (template.ResultUrl is not null)
            json["resultUrl"] = template.ResultUrl;
        if (template.UrlLifetimeInSeconds is { } lifetime)
            json["urlLifetimeInSeconds"] = lifetime;
        return json;
    }
}
