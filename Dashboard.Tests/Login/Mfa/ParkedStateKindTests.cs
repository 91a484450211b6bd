using System.Net;
using Flowgate.Dashboard.Components.Login.Mfa;
using Flowgate.Runtime.Flows.Parking;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Runtime.Sandbox;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>
/// A parked state is a bearer secret in a URL: whoever holds one presents it where it was not parked for (a reset's or a
/// step-up's at <c>/authorize</c>, a login's at the new-password page or <c>/continue</c>). Each is refused, and the
/// transaction it names stays with its owner: refusing it does not consume it.
/// </summary>
public sealed class ParkedStateKindTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private const string Secret = "a secret shared with the verification site";

    private const string VerifyElsewhere = $$"""
        exports.onExecutePostChallenge = async (event, api) => {
          api.redirect.sendUserTo('https://verify.example.com/check');
        };
        exports.onContinuePostChallenge = async (event, api) => {
          if (!api.redirect.validateToken({ secret: '{{Secret}}' }).verified) api.access.deny('Not verified.');
        };
        """;

    private readonly FlowgateApp _app = fixture.App;
    private readonly TestClock _clock = fixture.Clock;

    [Fact]
    public async Task A_password_reset_state_is_no_login_at_authorize_and_the_reset_goes_on()
    {
        await _app.DeployFlowAsync("post-login");
        await _app.DeployFlowAsync("password-reset-post-challenge", ("verify", VerifyElsewhere));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        // One browser holds the user's session and the reset they opened.
        var session = new HostedLoginSession(_app);
        Assert.Contains("code=", (await session.LogInAsync(spa.ClientId, user.Email!)).Headers.Location!.Query);
        var opened = await session.Http.GetAsync(await ResetMail.LinkAsync(_app, session.Http, user.Email!));
        var state = QueryHelpers.ParseQuery(opened.Headers.Location!.Query)["state"].ToString();

        await AssertNoCodeAsync(session.Http, spa.ClientId, state);

        var token = SessionTokens.Sign(Secret, new { sub = user.Id, iss = "localhost", exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(), state, verified = true });
        var form = (await session.Http.GetAsync($"/continue?state={state}&session_token={token}")).Headers.Location!.OriginalString;
        Assert.StartsWith("/u/reset-password/confirm?state=", form);
        // Finished, it is still the reset's: not a login's result at /authorize, and the new-password form is still offered.
        await AssertNoCodeAsync(session.Http, spa.ClientId, state);
        Assert.Contains("Change password", await session.Http.GetStringAsync(form));
    }

    [Fact]
    public async Task A_login_waiting_for_a_factor_is_no_reset_no_redirect_and_no_finished_login_and_stays_with_its_owner()
    {
        await _app.DeployFlowAsync("password-reset-post-challenge");
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var spa = await _app.CreateSpaAsync();
        var enrolled = await EnrolledUser.CreateAsync(_app, _clock, spa.ClientId);
        var (owner, challenge) = await enrolled.StartLoginAsync(_app, spa.ClientId);
        var state = QueryHelpers.ParseQuery(challenge.OriginalString.Split('?')[1])["state"].ToString();

        Assert.Contains("This password reset has expired", await owner.Http.GetStringAsync($"/u/reset-password/confirm?state={state}"));
        Assert.Equal("invalid_request", await HostedErrors.RefusedAsync(owner.Http, $"/continue?state={state}"));
        await AssertNoCodeAsync(owner.Http, spa.ClientId, state);

        var back = await PassAsync(owner.Http, challenge, enrolled.Key);
        var callback = (await owner.Http.GetAsync(back)).Headers.Location!;
        Assert.Contains("code=", callback.Query);
    }

    [Fact]
    public async Task A_factor_step_up_for_the_users_own_factors_is_no_login_at_authorize_or_continue()
    {
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var spa = await _app.CreateSpaAsync();
        var enrolled = await EnrolledUser.CreateAsync(_app, _clock, spa.ClientId);
        var (session, _) = await enrolled.StartLoginAsync(_app, spa.ClientId);
        var stepUp = FactorTakeoverTests.Local((await session.Http.GetAsync("/u/mfa")).Headers.Location!);
        var state = QueryHelpers.ParseQuery(stepUp.OriginalString.Split('?')[1])["state"].ToString();

        await AssertNoCodeAsync(session.Http, spa.ClientId, state);
        Assert.Equal("invalid_request", await HostedErrors.RefusedAsync(session.Http, $"/continue?state={state}"));

        Assert.Equal("/u/mfa", (await PassAsync(session.Http, stepUp, enrolled.Key)).OriginalString);
    }

    [Fact]
    public async Task A_transaction_parked_before_the_typed_records_is_refused_on_every_page_without_an_error()
    {
        var user = await _app.CreateUserAsync();
        string state;
        await using (var scope = _app.Services.CreateAsyncScope())
            state = await scope.ServiceProvider.GetRequiredService<ParkedTransactions>().AddAsync(
                $$$"""{"State":"FactorChallenge","UserId":"{{{user.Id}}}","ClientId":null,"AuthorizeUrl":"/u/login","Suspension":null,"Mfa":{"Kind":"Challenge","AllowRememberBrowser":false}}""",
                TimeSpan.FromMinutes(1), CancellationToken.None);
        var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal("invalid_request", await HostedErrors.RefusedAsync(http, $"/continue?state={state}"));
        Assert.Contains("This password reset has expired", await http.GetStringAsync($"/u/reset-password/confirm?state={state}"));
        Assert.Equal(MfaMessages.Expired, MfaPages.Error(await http.GetStringAsync($"/u/mfa-otp-challenge?state={state}")));
    }

    // The state presented as a finished login of a fresh authorization request: the app gets an error, never a code.
    private static async Task AssertNoCodeAsync(HttpClient http, string clientId, string state)
    {
        var answer = await http.GetAsync(HostedLogin.AuthorizeUrl(clientId, HostedLogin.Verifier, "replayed") + "&flowgate_continue=" + state);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var query = QueryHelpers.ParseQuery(answer.Headers.Location!.Query);
        Assert.False(query.ContainsKey("code"), answer.Headers.Location.ToString());
        Assert.Equal("access_denied", query["error"].ToString());
    }

    private Task<Uri> PassAsync(HttpClient http, Uri challenge, byte[] key) => MfaPages.PassOtpAsync(http, challenge, key, _clock);
}
