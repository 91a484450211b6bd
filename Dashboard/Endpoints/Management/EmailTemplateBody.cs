using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /email-templates</c>, <c>PUT</c> and <c>PATCH /email-templates/{templateName}</c>, in Auth0's (camelCase) names.</summary>
internal sealed record EmailTemplateBody(
    string? Template,
    string? Body,
    string? From,
    string? Subject,
    string? Syntax,
    bool? Enabled,
    [property: JsonPropertyName("resultUrl")] string? ResultUrl,
    [property: JsonPropertyName("urlLifetimeInSeconds")] int? UrlLifetimeInSeconds,
    [property: JsonPropertyName("includeEmailInRedirect")] bool? IncludeEmailInRedirect);
