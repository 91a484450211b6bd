using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Login;

/// <summary>
/// State <see cref="LoginState.Complete"/> for a password reset: its post-challenge flow has moved on; only the
/// new-password page, in the browser that opened the link, takes it up.
/// </summary>
public sealed record ParkedResetFinished(string UserId, ParkedReset Reset, FlowExecutionResult Result, bool MfaDone) : ParkedLogin(UserId)
{
    public override LoginState State => LoginState.Complete;
}
