using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Login;

/// <summary>
/// State <see cref="LoginState.FactorChallenge"/> or <see cref="LoginState.FactorEnrolment"/>: a login or a password
/// reset waits for a factor its flow demanded; only the factor pages take this up, for the prompt's kind and types.
/// </summary>
/// <param name="Flow">The flow as it stopped: suspended by <c>challengeWith…</c>/<c>enrollWith…</c> (resumed once the factor passed) or finished with <c>multifactor.enable</c>.</param>
/// <param name="MfaDone">A factor was passed earlier in this transaction.</param>
public sealed record ParkedAtFactor(string UserId, ParkedPurpose For, MfaPrompt Prompt, FlowExecutionResult Flow, bool MfaDone)
    : ParkedLogin(UserId), IParkedAtFactor
{
    public override LoginState State => Prompt.State;

    public string? ClientId => For.ClientId;

    public string? ReturnUrl => (For as ParkedAuthorization)?.Url;

    /// <summary>The suspension to resume once the factor passed; null when the flow had already finished.</summary>
    public FlowSuspension? Resumable => Flow is { Status: FlowStatus.Suspended } ? Flow.Suspension : null;

    public ParkedLogin Guarding(MfaPrompt next) => this with { Prompt = next, MfaDone = true };

    /// <summary>
    /// Factor → RedirectAndContinue (the resumed flow redirects) or Complete: what to park once the factor passed,
    /// with the flow as it then stands (<paramref name="resumed"/>, or the finished one it waited with).
    /// </summary>
    public ParkedLogin Passed(FlowExecutionResult? resumed)
    {
        var flow = resumed ?? Flow;
        return RedirectOf(flow) is not null ? new ParkedAtRedirect(UserId, For, flow.Suspension!, MfaDone: true) : For.Finished(UserId, flow, mfaDone: true);
    }
}
