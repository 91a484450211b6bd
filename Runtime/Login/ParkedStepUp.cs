namespace Flowgate.Runtime.Login;

/// <summary>
/// State <see cref="LoginState.FactorChallenge"/>, not a login: the user's own factor page (<c>/u/mfa</c>) asked them
/// to pass a factor before changing factors. It has no client and no flow, so neither <c>/authorize</c> nor
/// <c>/continue</c> can take it up; once passed, the browser goes back to <paramref name="ReturnUrl"/>.
/// </summary>
public sealed record ParkedStepUp(string UserId, string ReturnUrl, MfaPrompt Prompt) : ParkedLogin(UserId), IParkedAtFactor
{
    public override LoginState State => Prompt.State;

    public string? ClientId => null;

    public ParkedLogin Guarding(MfaPrompt next) => this with { Prompt = next };
}
