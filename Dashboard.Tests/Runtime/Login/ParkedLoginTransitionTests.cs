using System.Text.Json;
using Flowgate.Runtime.Login;
using Flowgate.Shared.Flows;

namespace Flowgate.Tests.Runtime.Login;

/// <summary>
/// The parked states as types: what each step parks next, for a login and for a password reset, and that the stored
/// JSON reads back as the same type (and an untyped one as none).
/// </summary>
public sealed class ParkedLoginTransitionTests
{
    private static readonly ParkedAuthorization Login = new("client-1", "fingerprint", "/authorize?client_id=client-1");
    private static readonly ParkedReset Reset = new("ticket", "browser-hash");
    private static readonly MfaPrompt Challenge = new(MfaPromptKind.Challenge, AllowRememberBrowser: false, ["otp"]);

    [Fact]
    public void A_flow_resumed_at_continue_that_redirects_again_stays_at_the_redirect_and_a_finished_one_is_its_purposes_finished_type()
    {
        var waiting = new ParkedAtRedirect("user-1", Login, Suspended("https://terms.example/1"), MfaDone: true);

        var again = Assert.IsType<ParkedAtRedirect>(waiting.Resumed(Redirected("https://terms.example/2")));
        Assert.Equal("https://terms.example/2", again.Suspension.Outcome.RedirectUrl);
        var finished = Assert.IsType<ParkedLoginFinished>(waiting.Resumed(Completed()));
        Assert.Equal((Login, true, LoginState.Complete), (finished.Request, finished.MfaDone, finished.State));
        Assert.IsType<ParkedResetFinished>((waiting with { For = Reset }).Resumed(Completed()));
    }

    [Fact]
    public void A_passed_factor_guards_the_enrolment_next_then_finishes_or_waits_for_the_redirect_the_resumed_flow_asks()
    {
        var enrol = new MfaPrompt(MfaPromptKind.Enroll, false, ["phone"]);
        var waiting = new ParkedAtFactor("user-1", Reset, Challenge with { Then = enrol }, Completed(), MfaDone: false);
        Assert.Null(waiting.Resumable);

        var guarded = Assert.IsType<ParkedAtFactor>(waiting.Guarding(enrol));
        Assert.Equal((LoginState.FactorEnrolment, true), (guarded.State, guarded.MfaDone));
        Assert.Equal(waiting.Flow, Assert.IsType<ParkedResetFinished>(guarded.Passed(resumed: null)).Result);
        var redirected = Assert.IsType<ParkedAtRedirect>((guarded with { For = Login }).Passed(Redirected("https://verify.example")));
        Assert.True(redirected.MfaDone);
        Assert.Null(new ParkedStepUp("user-1", "/u/mfa", Challenge).ClientId);
    }

    [Fact]
    public void Each_parked_type_reads_back_as_itself_and_an_untyped_row_as_nothing()
    {
        ParkedLogin[] parked =
        [
            new ParkedAtRedirect("u", Reset, Suspended("https://x.example"), false),
            new ParkedAtFactor("u", Login, Challenge, Completed(), true),
            new ParkedStepUp("u", "/u/mfa", Challenge),
            new ParkedLoginFinished("u", Login, Completed(), true),
            new ParkedResetFinished("u", Reset, Completed(), false),
        ];
        foreach (var login in parked)
        {
            var read = JsonSerializer.Deserialize<ParkedLogin>(JsonSerializer.Serialize(login));
            Assert.Equal(login.GetType(), read!.GetType());
            Assert.Equal(login.State, read.State);
        }
        Assert.Equal(Reset, ((ParkedAtRedirect)JsonSerializer.Deserialize<ParkedLogin>(JsonSerializer.Serialize(parked[0]))!).For);
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<ParkedLogin>("""{"State":"Complete","UserId":"u"}"""));
    }

    private static FlowExecutionResult Completed() => new() { Status = FlowStatus.Completed };

    private static FlowExecutionResult Redirected(string url) => new() { Status = FlowStatus.Suspended, Outcome = new() { RedirectUrl = url }, Suspension = Suspended(url) };

    private static FlowSuspension Suspended(string url) => new()
    {
        Request = new FlowExecutionRequest { TenantId = "t", TriggerId = "post-login", EventJson = "{}", Actions = [] },
        ActionIndex = 0,
        Outcome = new FlowOutcome { RedirectUrl = url },
    };
}
