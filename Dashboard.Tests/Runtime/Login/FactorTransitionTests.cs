using System.Text.Json;
using Flowgate.Runtime.Login;
using Flowgate.Runtime.Mfa;
using Flowgate.Shared.Flows;

namespace Flowgate.Tests.Runtime.Login;

/// <summary>
/// The factor decision of a login as a pure transition: what <c>challengeWith*</c>, <c>enrollWith*</c> and
/// <c>multifactor.enable</c> ask of a user with these factors on a tenant with these factors enabled.
/// </summary>
public sealed class FactorTransitionTests
{
    private static readonly string[] AllEnabled = [MfaEnrollment.Otp, MfaEnrollment.Phone, MfaEnrollment.WebAuthnRoaming, MfaEnrollment.WebAuthnPlatform, MfaEnrollment.RecoveryCode];

    [Fact]
    public void A_flow_that_asked_for_no_factor_needs_none_and_loads_nothing()
    {
        Assert.False(FactorTransition.MayAsk(stoppedOnFactor: false, completed: true, provider: null, passed: false));
        Assert.False(FactorTransition.MayAsk(stoppedOnFactor: false, completed: true, provider: "any", passed: true));
        Assert.True(FactorTransition.MayAsk(stoppedOnFactor: true, completed: false, provider: null, passed: true));
        Assert.IsType<FactorStep.None>(FactorTransition.Decide(Enable(null, [Held(MfaEnrollment.Otp)])));
    }

    [Fact]
    public void Multifactor_enable_challenges_the_held_factors_but_never_the_recovery_code_first()
    {
        var step = FactorTransition.Decide(Enable("any", [Held(MfaEnrollment.Otp), Held(MfaEnrollment.RecoveryCode)], remember: true));

        var prompt = Assert.IsType<FactorStep.Ask>(step).Prompt;
        Assert.Equal(MfaPromptKind.Challenge, prompt.Kind);
        Assert.Equal(new[] { MfaEnrollment.Otp }, prompt.Offered);
        Assert.True(prompt.AllowRememberBrowser);
    }

    [Fact]
    public void A_remembered_browser_skips_the_challenge_only_when_the_action_allowed_it()
    {
        HeldFactor[] remembered = [new(MfaEnrollment.Otp, Remembered: true)];

        Assert.IsType<FactorStep.None>(FactorTransition.Decide(Enable("any", remembered, remember: true)));
        Assert.IsType<FactorStep.Ask>(FactorTransition.Decide(Enable("any", remembered, remember: false)));
    }

    [Fact]
    public void A_factor_passed_in_this_login_is_not_asked_again_and_a_stopped_flow_resumes()
    {
        Assert.IsType<FactorStep.None>(FactorTransition.Decide(Enable("any", [Held(MfaEnrollment.Otp)]) with { Passed = true }));
        Assert.IsType<FactorStep.Satisfied>(FactorTransition.Decide(Stopped("authentication.challengeWith", """[{"type":"otp"}]""", [Held(MfaEnrollment.Otp)]) with { Passed = true }));
    }

    [Fact]
    public void A_user_without_factors_enrols_one_the_tenant_enabled_and_an_unknown_provider_is_refused()
    {
        var prompt = Assert.IsType<FactorStep.Ask>(FactorTransition.Decide(Enable("any", [], enabled: [MfaEnrollment.Phone]))).Prompt;
        Assert.Equal(MfaPromptKind.Enroll, prompt.Kind);
        Assert.Equal(new[] { MfaEnrollment.Phone }, prompt.Offered);
        Assert.Null(prompt.Then);

        Assert.Contains("'duo' is not available", Assert.IsType<FactorStep.Deny>(FactorTransition.Decide(Enable("duo", []))).Reason);
        Assert.IsType<FactorStep.Deny>(FactorTransition.Decide(Enable("any", [], enabled: [])));
    }

    [Fact]
    public void Google_authenticator_enrols_the_app_only_after_the_user_passes_the_factor_they_already_hold()
    {
        var prompt = Assert.IsType<FactorStep.Ask>(FactorTransition.Decide(Enable("google-authenticator", [Held(MfaEnrollment.Phone), Held(MfaEnrollment.RecoveryCode)]))).Prompt;

        // The attacker with the password alone cannot add their own app: the existing factor is challenged first.
        Assert.Equal(MfaPromptKind.Challenge, prompt.Kind);
        Assert.Equal(new[] { MfaEnrollment.Phone, MfaEnrollment.RecoveryCode }, prompt.Offered);
        Assert.Equal(MfaPromptKind.Enroll, prompt.Then!.Kind);
        Assert.Equal(new[] { MfaEnrollment.Otp }, prompt.Then.Offered);
    }

    [Fact]
    public void ChallengeWithAny_offers_the_held_factors_in_a_picker_and_ignores_the_others()
    {
        var step = FactorTransition.Decide(Stopped("authentication.challengeWithAny", """[[{"type":"otp"},{"type":"phone"},{"type":"webauthn-roaming"}]]""",
            [Held(MfaEnrollment.Otp), Held(MfaEnrollment.Phone)]));

        var prompt = Assert.IsType<FactorStep.Ask>(step).Prompt;
        Assert.Equal(MfaPromptKind.Challenge, prompt.Kind);
        Assert.True(prompt.Pick);
        Assert.Equal(new[] { MfaEnrollment.Otp, MfaEnrollment.Phone }, prompt.Offered);
    }

    [Fact]
    public void ChallengeWith_a_factor_the_user_lacks_is_refused_unless_multifactor_enable_lets_them_enrol_the_app()
    {
        var lacking = Stopped("authentication.challengeWith", """[{"type":"otp"}]""", [Held(MfaEnrollment.Phone)]);

        Assert.Contains("none of the factors", Assert.IsType<FactorStep.Deny>(FactorTransition.Decide(lacking)).Reason);
        var prompt = Assert.IsType<FactorStep.Ask>(FactorTransition.Decide(lacking with { Provider = "any" })).Prompt;
        Assert.Equal(MfaPromptKind.Challenge, prompt.Kind);
        Assert.Equal(new[] { MfaEnrollment.Otp }, prompt.Then!.Offered);
        // A disabled factor is ignored even when held.
        Assert.IsType<FactorStep.Deny>(FactorTransition.Decide(Stopped("authentication.challengeWith", """[{"type":"phone"}]""", [Held(MfaEnrollment.Phone)]) with { Enabled = [MfaEnrollment.Otp] }));
    }

    [Fact]
    public void EnrollWith_a_disabled_factor_is_refused_and_one_already_held_is_challenged_instead()
    {
        var disabled = Stopped("authentication.enrollWith", """[{"type":"phone"}]""", []) with { Enabled = [MfaEnrollment.Otp] };
        Assert.Contains("not enabled for this tenant (phone)", Assert.IsType<FactorStep.Deny>(FactorTransition.Decide(disabled)).Reason);

        var held = FactorTransition.Decide(Stopped("authentication.enrollWith", """[{"type":"phone"}]""", [Held(MfaEnrollment.Phone)]));
        var challenge = Assert.IsType<FactorStep.Ask>(held).Prompt;
        Assert.Equal(MfaPromptKind.Challenge, challenge.Kind);
        Assert.Null(challenge.Then);

        var guarded = Assert.IsType<FactorStep.Ask>(FactorTransition.Decide(Stopped("authentication.enrollWith", """[{"type":"phone"}]""", [Held(MfaEnrollment.Otp)]))).Prompt;
        Assert.Equal((MfaPromptKind.Challenge, MfaPromptKind.Enroll), (guarded.Kind, guarded.Then!.Kind));
        Assert.Equal(new[] { MfaEnrollment.Phone }, guarded.Then.Offered);
    }

    private static HeldFactor Held(string type) => new(type);

    private static FactorFacts Enable(string? provider, IReadOnlyList<HeldFactor> factors, bool remember = false, IReadOnlyList<string>? enabled = null) =>
        new(null, Completed: true, provider, remember, factors, enabled ?? AllEnabled, Passed: false);

    private static FactorFacts Stopped(string method, string arguments, IReadOnlyList<HeldFactor> factors) =>
        new(new FactorRequirement(method, JsonDocument.Parse(arguments).RootElement.Clone()), Completed: false, null, false, factors, AllEnabled, Passed: false);
}
