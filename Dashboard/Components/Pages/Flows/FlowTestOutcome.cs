namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>What a test run of a whole flow did, and what the app would get from it, as Auth0 would issue it.</summary>
/// <param name="Actions">One entry per Action that ran (or failed), in order.</param>
/// <param name="Summary">How the transaction ends, in one sentence: tokens issued, access denied with the reason, a redirect, MFA demanded.</param>
public sealed record FlowTestOutcome(IReadOnlyList<FlowTestActionResult> Actions, string Summary)
{
    /// <summary>The decoded ID token's claims (empty when the trigger issues none).</summary>
    public IReadOnlyList<FlowTestClaim> IdToken { get; init; } = [];

    /// <summary>The decoded access token's claims (empty when the trigger issues none).</summary>
    public IReadOnlyList<FlowTestClaim> AccessToken { get; init; } = [];

    /// <summary>The access token's scopes after the Actions' changes.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>user_metadata and app_metadata writes, one line each.</summary>
    public IReadOnlyList<string> MetadataChanges { get; init; } = [];
}
