using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Login;

/// <summary>
/// State <see cref="LoginState.Complete"/> for a login: its flow has finished; only <c>/authorize</c>, for the same
/// user, client and request, takes it (once) and applies <paramref name="Result"/>.
/// </summary>
/// <param name="MfaDone">A factor was passed in this login (the tokens show <c>mfa</c>).</param>
public sealed record ParkedLoginFinished(string UserId, ParkedAuthorization Request, FlowExecutionResult Result, bool MfaDone) : ParkedLogin(UserId)
{
    public override LoginState State => LoginState.Complete;

    /// <summary>What <see cref="LoginTransaction.Resume"/> checks.</summary>
    public ParkedFacts Facts => new(State, UserId, Request.Client, Request.Fingerprint);
}
