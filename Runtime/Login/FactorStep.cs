namespace Flowgate.Runtime.Login;

/// <summary>What <see cref="FactorTransition.Decide"/> asks of the login; the host turns it into a factor page, a refusal or the next step.</summary>
public abstract record FactorStep
{
    private FactorStep() { }

    /// <summary>No factor is needed: the login goes on.</summary>
    public sealed record None : FactorStep;

    /// <summary>The flow stopped on a challenge this login already passed: resume it with the next Action, then decide again.</summary>
    public sealed record Satisfied : FactorStep;

    /// <summary>Park the login on this factor prompt (a challenge, or an enrolment guarded by one).</summary>
    public sealed record Ask(MfaPrompt Prompt) : FactorStep;

    /// <summary>The login cannot pass: <c>access_denied</c> with this reason.</summary>
    public sealed record Deny(string Reason) : FactorStep;
}
