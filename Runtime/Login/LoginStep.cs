namespace Flowgate.Runtime.Login;

/// <summary>What the host must do next for a login: each transition of <see cref="LoginTransaction"/> returns one.</summary>
public abstract record LoginStep
{
    private LoginStep() { }

    /// <summary>The state the transaction is in after this step.</summary>
    public abstract LoginState State { get; }

    /// <summary>Show a hosted page: the login form (with the e-mail from <c>login_hint</c>), signup or consent.</summary>
    public sealed record ShowPage(HostedPage Page, string? LoginHint = null) : LoginStep
    {
        public override LoginState State => Page == HostedPage.Consent ? LoginState.Authenticate : LoginState.Identify;
    }

    /// <summary>Go on to the next transition (the checks of this one passed).</summary>
    public sealed record Proceed(LoginState Next) : LoginStep
    {
        public override LoginState State => Next;
    }

    /// <summary>Park and send the browser to the site an Action named (<c>api.redirect.sendUserTo</c>).</summary>
    public sealed record Redirect(string Url) : LoginStep
    {
        public override LoginState State => LoginState.RedirectAndContinue;
    }

    /// <summary>Park and send the browser to a factor page (a challenge, or an enrolment guarded by one).</summary>
    public sealed record Challenge(bool Enrol) : LoginStep
    {
        public override LoginState State => Enrol ? LoginState.FactorEnrolment : LoginState.FactorChallenge;
    }

    /// <summary>Issue the code: the flow's claims and scope changes are applied to the principal.</summary>
    public sealed record Issue : LoginStep
    {
        public override LoginState State => LoginState.Complete;
    }

    /// <summary>Refuse with Auth0's error code (<c>access_denied</c>, <c>login_required</c>, <c>interaction_required</c>, ...).</summary>
    public sealed record Deny(string Error, string Description) : LoginStep
    {
        public override LoginState State => LoginState.Denied;
    }
}
