using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Login;

/// <summary>State <see cref="LoginState.RedirectAndContinue"/>: an Action sent the browser away; only <c>/continue</c> takes this up.</summary>
/// <param name="Suspension">The flow to resume with the suspending Action's <c>onContinue…</c>.</param>
/// <param name="MfaDone">A factor was passed earlier in this transaction, so later requests for one are satisfied.</param>
public sealed record ParkedAtRedirect(string UserId, ParkedPurpose For, FlowSuspension Suspension, bool MfaDone) : ParkedLogin(UserId)
{
    public override LoginState State => LoginState.RedirectAndContinue;

    /// <summary>
    /// RedirectAndContinue → RedirectAndContinue (the resumed flow redirects again) or Complete: what to park under the
    /// same state once <c>/continue</c> has resumed the flow.
    /// </summary>
    public ParkedLogin Resumed(FlowExecutionResult result) =>
        RedirectOf(result) is not null ? this with { Suspension = result.Suspension! } : For.Finished(UserId, result, MfaDone);
}
