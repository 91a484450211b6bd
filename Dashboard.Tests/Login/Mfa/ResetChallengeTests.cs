using System.Net;
using Flowgate.Dashboard.Components.Login.Mfa;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Runtime.Sandbox;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>
/// password-reset-post-challenge asks for a second factor or sends the browser to another site before the new password:
/// the user, who is not signed in, passes it on the login's factor pages or comes back through <c>/continue</c>.
/// </summary>
public sealed class ResetChallengeTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private const string NewPassword = "a brand new passphrase";
    private const string Secret = "a secret shared with the verification site";

    private const string ChallengeOtp = """
        exports.onExecutePostChallenge = async (event, api) => {
          api.authentication.challengeWith({ type: 'otp' });
        };
        """;

    // Runs after the challenge: the new password is offered only if the flow saw the factor.
    private const string RequireMfa = """
        exports.onExecutePostChallenge = async (event, api) => {
          if (!event.authentication.methods.some(m => m.name === 'mfa')) api.access.deny('The second factor was not recorded.');
        };
        """;

    private const string VerifyElsewhere = $$"""
        exports.onExecutePostChallenge = async (event, api) => {
          api.redirect.sendUserTo('https://verify.example.com/check', { query: { email: event.user.email } });
        };
        exports.onContinuePostChallenge = async (event, api) => {
          try {
            if (!api.redirect.validateToken({ secret: '{{Secret}}' }).verified) api.access.deny('The verification site did not verify you.');
          } catch (e) {
            api.access.deny('The verification site did not confirm: ' + e.message);
          }
        };
        """;

    private readonly FlowgateApp _app = fixture.App;
    private readonly TestClock _clock = fixture.Clock;

    [Fact]
    public async Task An_enrolled_user_passes_the_authenticator_app_before_the_new_password_and_a_wrong_code_is_refused()
    {
        var enrolled = await EnrolAsync();
        await _app.DeployFlowAsync("password-reset-post-challenge", ("otp", ChallengeOtp), ("after", RequireMfa));
        var http = Browser();
        var link = await ResetMail.LinkAsync(_app, http, enrolled.User.Email!);

        var opened = await http.GetAsync(link);
        var challenge = opened.Headers.Location ?? throw new Xunit.Sdk.XunitException(await opened.Content.ReadAsStringAsync());
        Assert.StartsWith("/u/mfa-otp-challenge?state=", challenge.PathAndQuery);
        Assert.Equal(MfaMessages.Expired, MfaPages.Error(await Browser().GetStringAsync(challenge)));

        var current = Totp.Code(enrolled.Key, Totp.TimeStep(_clock.Now));
        var wrong = await MfaPages.SubmitCodeAsync(http, challenge, current == "000000" ? "111111" : "000000");
        Assert.Equal("Wrong code. Check your authenticator app and try again.", MfaPages.Error(await wrong.Content.ReadAsStringAsync()));
        // Opening the link again asks for the factor again: there is no way to the form around it.
        Assert.StartsWith("/u/mfa-otp-challenge?state=", (await http.GetAsync(link)).Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(enrolled.User.Email!, NewPassword)).StatusCode);

        _clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var passed = await MfaPages.SubmitCodeAsync(http, challenge, Totp.Code(enrolled.Key, Totp.TimeStep(_clock.Now)));
        var form = passed.Headers.Location!.PathAndQuery;
        Assert.StartsWith("/u/reset-password/confirm?state=", form);
        // The rest of the flow, run after the factor, is recorded like the first part.
        await _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync())
            Assert.True(await db.ExecutionResults.AnyAsync(r => r.ActionName.StartsWith("after") && r.Status == "success"));
        Assert.Contains("This password reset has expired or was started in another browser.", await Browser().GetStringAsync(form));

        var changed = await HtmlForm.SubmitAsync(http, form, new Dictionary<string, string> { ["Input.Password"] = NewPassword });
        Assert.Contains("Your password was changed", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(enrolled.User.Email!, NewPassword)).StatusCode);
        Assert.Contains("This password reset has expired", await http.GetStringAsync(form));
    }

    [Fact]
    public async Task A_user_without_the_factor_is_refused_with_the_reason()
    {
        await _app.DeployFlowAsync("password-reset-post-challenge", ("otp", ChallengeOtp));
        var user = await _app.CreateUserAsync();
        var http = Browser();

        var page = await http.GetStringAsync(await ResetMail.LinkAsync(_app, http, user.Email!));

        Assert.Contains("Resetting this password needs a second factor (otp), but none is set up for this account.", page);
        Assert.DoesNotContain("Change password", page);
    }

    [Fact]
    public async Task A_redirect_resumes_on_continue_with_the_site_token_and_then_offers_the_new_password()
    {
        await _app.DeployFlowAsync("password-reset-post-challenge", ("verify", VerifyElsewhere));
        var user = await _app.CreateUserAsync();
        var http = Browser();

        var outside = await RedirectedAsync(http, user);
        var state = QueryHelpers.ParseQuery(outside.Query)["state"].ToString();
        Assert.Equal(user.Email, QueryHelpers.ParseQuery(outside.Query)["email"].ToString());
        var token = SessionTokens.Sign(Secret, new { sub = user.Id, iss = "localhost", exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(), state, verified = true });

        Assert.Equal("invalid_request", await HostedErrors.RefusedAsync(Browser(), $"/continue?state={state}&session_token={token}"));
        var back = await http.GetAsync($"/continue?state={state}&session_token={token}");
        var form = back.Headers.Location!.OriginalString;
        Assert.StartsWith("/u/reset-password/confirm?state=", form);
        var changed = await HtmlForm.SubmitAsync(http, form, new Dictionary<string, string> { ["Input.Password"] = NewPassword });

        Assert.Contains("Your password was changed", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(user.Email!, NewPassword)).StatusCode);
        Assert.Equal("invalid_request", await HostedErrors.RefusedAsync(http, $"/continue?state={state}&session_token={token}"));
    }

    [Fact]
    public async Task A_forged_token_is_denied_by_the_action_and_a_made_up_state_is_refused()
    {
        await _app.DeployFlowAsync("password-reset-post-challenge", ("verify", VerifyElsewhere));
        var user = await _app.CreateUserAsync();
        var http = Browser();
        var state = QueryHelpers.ParseQuery((await RedirectedAsync(http, user)).Query)["state"].ToString();
        var forged = SessionTokens.Sign("not the secret", new { sub = user.Id, iss = "localhost", exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(), state, verified = true });

        var back = await http.GetAsync($"/continue?state={state}&session_token={forged}");
        var page = await http.GetStringAsync(back.Headers.Location);

        Assert.Contains("The verification site did not confirm: The session token signature is invalid", page);
        Assert.DoesNotContain("Change password", page);
        Assert.Equal("invalid_request", await HostedErrors.RefusedAsync(http, $"/continue?state={new string('a', 32)}"));
        Assert.Contains("This password reset has expired", await http.GetStringAsync($"/u/reset-password/confirm?state={new string('a', 32)}"));
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(user.Email!, NewPassword)).StatusCode);
    }

    private async Task<Uri> RedirectedAsync(HttpClient http, TenantUser user)
    {
        var opened = await http.GetAsync(await ResetMail.LinkAsync(_app, http, user.Email!));
        var outside = opened.Headers.Location ?? throw new Xunit.Sdk.XunitException(await opened.Content.ReadAsStringAsync());
        Assert.Equal("verify.example.com", outside.Host);
        return outside;
    }

    // Enrolled through a login that asked for MFA; the login flow is then cleared, so only the reset asks for the factor.
    private async Task<EnrolledUser> EnrolAsync()
    {
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var enrolled = await EnrolledUser.CreateAsync(_app, _clock, (await _app.CreateSpaAsync()).ClientId);
        await _app.DeployFlowAsync("post-login");
        return enrolled;
    }

    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    // A successful login redirects onwards; a failed one renders the page again with the error.
    private Task<HttpResponseMessage> LogInAsync(string email, string password) =>
        HtmlForm.SubmitAsync(Browser(), "/u/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
}
