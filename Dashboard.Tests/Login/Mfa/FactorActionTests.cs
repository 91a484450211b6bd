using System.Net;
using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>challengeWith / enrollWith / multifactor.enable as Actions use them, and what the event says afterwards.</summary>
public sealed class FactorActionTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;
    private readonly TestClock _clock = fixture.Clock;

    [Fact]
    public async Task EnrollWith_then_challengeWith_resume_at_the_next_action_with_mfa_in_the_methods_and_the_factor_in_the_event()
    {
        await _app.DeployFlowAsync("post-login", ("factors", MfaActions.EnrolThenChallenge), ("report", MfaActions.ReportEvent));
        var spa = await _app.CreateSpaAsync();
        var enrolled = await EnrolledUser.CreateAsync(_app, _clock, spa.ClientId);

        _clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var (session, challenge) = await enrolled.StartLoginAsync(_app, spa.ClientId);
        var passed = await MfaPages.SubmitCodeAsync(session.Http, challenge, Totp.Code(enrolled.Key, Totp.TimeStep(_clock.Now)));
        var idToken = await session.ExchangeAsync(spa.ClientId, MfaPages.CodeOf(await session.Http.GetAsync(passed.Headers.Location)));

        Assert.Equal("pwd,mfa", idToken.Claims.Single(c => c.Type == "https://flowgate.test/methods").Value);
        Assert.Equal("otp,recovery-code", idToken.Claims.Single(c => c.Type == "https://flowgate.test/factors").Value);
        Assert.Equal("google-authenticator", idToken.Claims.Single(c => c.Type == "https://flowgate.test/multifactor").Value);
    }

    [Fact]
    public async Task A_user_without_factors_sees_empty_factor_lists_and_only_the_password_method()
    {
        await _app.DeployFlowAsync("post-login", ("report", MfaActions.ReportEvent));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var session = new HostedLoginSession(_app);

        var idToken = await session.ExchangeAsync(spa.ClientId, MfaPages.CodeOf(await session.LogInAsync(spa.ClientId, user.Email!)));
        Assert.Equal("pwd", idToken.Claims.Single(c => c.Type == "https://flowgate.test/methods").Value);
        Assert.Equal("", idToken.Claims.Single(c => c.Type == "https://flowgate.test/factors").Value);
        Assert.Equal("", idToken.Claims.Single(c => c.Type == "https://flowgate.test/multifactor").Value);
    }

    [Fact]
    public async Task ChallengeWith_for_a_user_with_nothing_enrolled_fails_the_login_with_access_denied()
    {
        await _app.DeployFlowAsync("post-login", ("challenge", MfaActions.ChallengeOnly));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();

        var denied = (await new HostedLoginSession(_app).LogInAsync(spa.ClientId, user.Email!)).Headers.Location!;
        Assert.StartsWith(EndUsers.Callback, denied.ToString());
        var query = QueryHelpers.ParseQuery(denied.Query);
        Assert.Equal("access_denied", query["error"].ToString());
        Assert.Equal("Multi-factor authentication is required, but the user has none of the factors the login flow accepts (otp).", query["error_description"].ToString());
    }

    [Fact]
    public async Task Remember_this_browser_skips_the_challenge_next_time_only_while_the_action_allows_it()
    {
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberAllowed));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var session = new HostedLoginSession(_app);
        var enrolment = (await session.LogInAsync(spa.ClientId, user.Email!)).Headers.Location!;
        Assert.Contains("data-test=\"remember-browser\"", await session.Http.GetStringAsync(enrolment));
        var (_, shown) = await MfaPages.EnrolAsync(session.Http, enrolment, _clock, rememberBrowser: true);
        await MfaPages.ContinueToCodeAsync(session.Http, shown);

        MfaPages.CodeOf(await session.AuthorizeAsync(spa.ClientId));

        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var challenge = (await session.AuthorizeAsync(spa.ClientId)).Headers.Location!;
        Assert.StartsWith("/u/mfa-otp-challenge", challenge.OriginalString);
        Assert.DoesNotContain("data-test=\"remember-browser\"", await session.Http.GetStringAsync(challenge));

        var otherBrowser = new HostedLoginSession(_app);
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberAllowed));
        Assert.StartsWith("/u/mfa-otp-challenge", (await otherBrowser.LogInAsync(spa.ClientId, user.Email!)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_login_waiting_for_a_factor_cannot_be_finished_through_authorize_or_continue()
    {
        await _app.DeployFlowAsync("post-login", ("factors", MfaActions.EnrolThenChallenge));
        var spa = await _app.CreateSpaAsync();
        var enrolled = await EnrolledUser.CreateAsync(_app, _clock, spa.ClientId);
        var (session, challenge) = await enrolled.StartLoginAsync(_app, spa.ClientId);
        var state = QueryHelpers.ParseQuery(challenge.OriginalString.Split('?')[1])["state"].ToString();

        Assert.Equal("invalid_request", await HostedErrors.RefusedAsync(session.Http, $"/continue?state={state}"));
        var skipped = await session.Http.GetAsync((await session.AuthorizeAsync(spa.ClientId)).RequestMessage!.RequestUri + "&flowgate_continue=" + state);
        Assert.Equal("access_denied", QueryHelpers.ParseQuery(skipped.Headers.Location!.Query)["error"].ToString());
    }
}
