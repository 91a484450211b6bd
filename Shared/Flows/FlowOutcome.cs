using System.Text.Json;

namespace Flowgate.Shared.Flows;

/// <summary>
/// The merged effect of every Action that ran: what the transaction must do next. Accumulated by
/// the flow executor in call order (a later claim with the same name wins).
/// </summary>
public sealed class FlowOutcome
{
    /// <summary>True when an Action denied the transaction.</summary>
    public bool Denied { get; set; }

    /// <summary>The deny reason (the <c>error_description</c>), or the revoke reason.</summary>
    public string? DenyReason { get; set; }

    /// <summary>Extra deny detail: the OAuth code (credentials-exchange) or the user message (pre-user-registration).</summary>
    public string? DenyDetail { get; set; }

    /// <summary>The <c>validation.error</c> code and message, when one was raised.</summary>
    public ValidationFailure? ValidationError { get; set; }

    /// <summary>Custom ID token claims.</summary>
    public Dictionary<string, JsonElement> IdTokenClaims { get; init; } = [];

    /// <summary>Custom access token claims.</summary>
    public Dictionary<string, JsonElement> AccessTokenClaims { get; init; } = [];

    /// <summary>Scopes added to the access token.</summary>
    public List<string> ScopesAdded { get; init; } = [];

    /// <summary>Scopes removed from the access token.</summary>
    public List<string> ScopesRemoved { get; init; } = [];

    /// <summary>Scopes a credentials-exchange Action replaced (<c>transaction.setTargetScopes</c>); null when it did not.</summary>
    public List<string>? TargetScopes { get; set; }

    /// <summary>The <c>multifactor.enable</c> provider (<c>any</c>, <c>none</c>, ...), if an Action called it.</summary>
    public string? MultifactorProvider { get; set; }

    /// <summary>Whether the MFA challenge lets the user remember the browser.</summary>
    public bool AllowRememberBrowser { get; set; }

    /// <summary>A pending factor challenge or enrollment (<c>challengeWith</c>, <c>enrollWithAny</c>, ...).</summary>
    public FactorRequirement? Factors { get; set; }

    /// <summary>Where to send the user (with the query added), when an Action redirected.</summary>
    public string? RedirectUrl { get; set; }

    /// <summary>Where a password reset ends (<c>transaction.setResultUrl</c>, with the query added).</summary>
    public string? ResultUrl { get; set; }

    /// <summary>The prompt to render, when an Action called <c>prompt.render</c>.</summary>
    public string? PromptId { get; set; }

    /// <summary>user_metadata writes; a null value removes the key.</summary>
    public Dictionary<string, JsonElement?> UserMetadata { get; init; } = [];

    /// <summary>app_metadata writes; a null value removes the key.</summary>
    public Dictionary<string, JsonElement?> AppMetadata { get; init; } = [];

    /// <summary>Transaction metadata after all Actions.</summary>
    public Dictionary<string, JsonElement> TransactionMetadata { get; init; } = [];

    /// <summary>The primary user set with <c>authentication.setPrimaryUser</c>.</summary>
    public string? PrimaryUserId { get; set; }

    /// <summary>Methods recorded with <c>authentication.recordMethod</c>.</summary>
    public List<string> RecordedMethods { get; init; } = [];

    /// <summary>The connection chosen by login-post-identifier.</summary>
    public string? Connection { get; set; }
}
