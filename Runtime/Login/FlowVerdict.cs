using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Login;

/// <summary>
/// What a post-login flow that has run its course says of the login, once its factor pages and redirects are behind
/// it: the reason it refuses (a deny, a failure, a prompt not supported), or the scopes the tokens grant.
/// </summary>
public static class FlowVerdict
{
    /// <summary>Why the finished flow refuses the login; null when it may go on.</summary>
    public static string? Refusal(FlowExecutionResult result) => result.Status switch
    {
        // The message and stack stay in the tenant logs (secrets redacted): they may hold what the app must not see.
        FlowStatus.Failed => $"An Action in the login flow failed ({result.Error?.Name}). Its message and stack are in the tenant logs (execution {result.ExecutionId}).",
        FlowStatus.Denied => result.Outcome.DenyReason ?? result.Outcome.ValidationError?.ToString() ?? "Access denied.",
        FlowStatus.Suspended => "This login flow needs a custom prompt (prompt.render), which is not available yet.",
        _ => null,
    };

    /// <summary>The scopes granted after <c>accessToken.addScope</c> / <c>removeScope</c>: a removal wins over an addition.</summary>
    public static IEnumerable<string> Scopes(IEnumerable<string> granted, FlowOutcome outcome) =>
        granted.Union(outcome.ScopesAdded).Except(outcome.ScopesRemoved);

    /// <summary>The flow asks for a factor: it stopped on <c>challengeWith*</c>/<c>enrollWith*</c>, or ended with <c>multifactor.enable</c>.</summary>
    public static bool AsksFactor(FlowExecutionResult result) =>
        result is { Status: FlowStatus.Suspended, Outcome.Factors: not null } or { Status: FlowStatus.Completed, Outcome.MultifactorProvider: not (null or "none") };
}
