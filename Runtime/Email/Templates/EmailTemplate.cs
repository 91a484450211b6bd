using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Email.Templates;

/// <summary>
/// A tenant's own version of one of Auth0's e-mail templates (<see cref="EmailTemplateNames"/>): Liquid body and
/// subject, sender, and where the mailed link leads afterwards. A template never saved is served from
/// <see cref="DefaultEmailTemplates"/>.
/// </summary>
public sealed class EmailTemplate : ITenantScoped
{
    public const int MaxBody = 100_000, MaxSubject = 1000, MaxFrom = 320, MaxResultUrl = 2000;

    public string TenantId { get; set; } = Tenant.DefaultId;
    /// <summary>Auth0's template name, e.g. <c>verify_email</c>.</summary>
    public required string Name { get; set; }
    public required string Body { get; set; }
    /// <summary>The sender; empty for the configured <c>Email:From</c>.</summary>
    public string From { get; set; } = "";
    public required string Subject { get; set; }
    public string Syntax { get; set; } = "liquid";
    public bool Enabled { get; set; } = true;
    /// <summary>Where the browser goes after the mailed link did its work (verify_email, reset_email).</summary>
    public string? ResultUrl { get; set; }
    /// <summary>How long the mailed link stays valid; null for the template's default.</summary>
    public int? UrlLifetimeInSeconds { get; set; }
    public bool IncludeEmailInRedirect { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
