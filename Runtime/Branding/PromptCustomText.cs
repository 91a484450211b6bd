using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Branding;

/// <summary>
/// The texts an administrator set for one prompt in one language (Auth0's
/// <c>PUT /prompts/{prompt}/custom-text/{language}</c>): <c>{"screen": {"key": "text"}}</c> as JSON, checked by
/// <see cref="PromptTexts"/>. The hosted pages HTML-encode every text.
/// </summary>
public sealed class PromptCustomText : ITenantScoped
{
    public required string TenantId { get; init; }
    public required string Prompt { get; init; }
    public required string Language { get; init; }
    public required string TextJson { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
