using Flowgate.Runtime.Mfa;

namespace Flowgate.Runtime.Login;

/// <summary>
/// PostLoginFlow → FactorChallenge / FactorEnrolment: which factor the login needs, as the post-login Actions asked for it
/// (reference §1.2). <c>challengeWith*</c>/<c>enrollWith*</c> stop the flow after their Action, <c>multifactor.enable</c>
/// applies once the whole flow has run. Pure: the host loads the facts and resumes the flow on <see cref="FactorStep.Satisfied"/>.
/// </summary>
public static class FactorTransition
{
    // Auth0's providers that mean "a factor of the tenant's"; google-authenticator means the authenticator app. Duo is not offered.
    private static readonly string[] OtpProviders = ["any", "google-authenticator", "guardian"];

    /// <summary>Whether the flow's result may ask for a factor at all; most logins do not, and need no factor facts loaded.</summary>
    public static bool MayAsk(bool stoppedOnFactor, bool completed, string? provider, bool passed) =>
        stoppedOnFactor || !passed && completed && provider is not (null or "none");

    /// <summary>The factor step the facts call for; a challenge already passed in this login is not asked again.</summary>
    public static FactorStep Decide(FactorFacts facts)
    {
        var enabled = facts.Enabled;
        // What the user can be challenged with: enrolled, enabled for the tenant, with a page to do it on.
        var usable = facts.Factors.Select(f => f.Type).Where(t => enabled.Contains(t) && FactorPages.Has(MfaPromptKind.Challenge, t)).Distinct().ToList();
        // What the user can prove they hold, enabled or not: a new factor is enrolled only after passing one of these.
        var provable = facts.Factors.Select(f => f.Type).Where(t => FactorPages.Has(MfaPromptKind.Challenge, t)).Distinct().ToList();
        if (facts.Requirement is { } requirement)
        {
            // "Factors already satisfied are ignored": go on with the next Action.
            if (facts.Passed)
                return new FactorStep.Satisfied();
            var selection = FactorSelection.Read(requirement);
            if (selection.Enroll)
                return Enrol(selection, enabled, usable, provable);
            var challenge = selection.Types.Where(usable.Contains).ToList();
            if (challenge.Count > 0)
                return new FactorStep.Ask(new MfaPrompt(MfaPromptKind.Challenge, false, challenge, selection.Any));
            // Disabled and not-enrolled factors are ignored; with none left the login fails, unless multifactor.enable also allows enrolling one.
            if (!usable.Contains(MfaEnrollment.Otp) && OtpProviders.Contains(facts.Provider)
                && selection.Types.Contains(MfaEnrollment.Otp) && enabled.Contains(MfaEnrollment.Otp))
                return new FactorStep.Ask(new MfaPrompt(MfaPromptKind.Enroll, false, [MfaEnrollment.Otp]).GuardedBy(provable));
            return new FactorStep.Deny($"Multi-factor authentication is required, but the user has none of the factors the login flow accepts ({string.Join(", ", selection.Types)}).");
        }
        if (facts.Passed || !facts.Completed || facts.Provider is not { } provider || provider == "none")
            return new FactorStep.None();
        if (!OtpProviders.Contains(provider))
            return new FactorStep.Deny($"The multi-factor provider '{provider}' is not available.");
        bool Allowed(string type) => provider != "google-authenticator" || type == MfaEnrollment.Otp;
        var allow = facts.AllowRememberBrowser;
        var challengeable = usable.Where(t => t != MfaEnrollment.RecoveryCode && Allowed(t)).ToList();
        if (challengeable.Count > 0)
            return allow && facts.Factors.Any(f => f.Remembered && challengeable.Contains(f.Type))
                ? new FactorStep.None()
                : new FactorStep.Ask(new MfaPrompt(MfaPromptKind.Challenge, allow, challengeable));
        var enrollable = enabled.Where(t => FactorPages.Has(MfaPromptKind.Enroll, t) && Allowed(t)).ToList();
        return enrollable.Count > 0
            ? new FactorStep.Ask(new MfaPrompt(MfaPromptKind.Enroll, allow, enrollable).GuardedBy(provable))
            : new FactorStep.Deny("Multi-factor authentication is required, but no factor the user could enrol is enabled for this tenant.");
    }

    // enrollWith / enrollWithAny: the enabled factors with an enrolment page; a user who has them all is challenged instead.
    private static FactorStep Enrol(FactorSelection selection, IReadOnlyList<string> enabled, List<string> usable, List<string> provable)
    {
        var offered = selection.Types.Where(t => enabled.Contains(t) && FactorPages.Has(MfaPromptKind.Enroll, t)).ToList();
        if (offered.Count == 0)
        {
            var disabled = selection.Types.Where(t => MfaFactorType.All.Any(f => f.Type == t) && !enabled.Contains(t)).ToList();
            return new FactorStep.Deny(disabled.Count > 0
                ? $"The login flow asked to enrol a factor that is not enabled for this tenant ({string.Join(", ", disabled)}). An administrator can enable it under Settings, Multi-factor Auth."
                : $"The login flow asked to enrol a factor that is not available ({string.Join(", ", selection.Types)}); only {string.Join(", ", enabled.Where(t => FactorPages.Has(MfaPromptKind.Enroll, t)))} can be enrolled.");
        }
        var missing = offered.Where(t => !usable.Contains(t)).ToList();
        return missing.Count == 0
            ? new FactorStep.Ask(new MfaPrompt(MfaPromptKind.Challenge, false, offered, selection.Any))
            : new FactorStep.Ask(new MfaPrompt(MfaPromptKind.Enroll, false, missing, selection.Any).GuardedBy(provable));
    }
}
