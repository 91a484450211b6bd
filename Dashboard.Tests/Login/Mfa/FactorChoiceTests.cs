using System.Net;
using System.Text.RegularExpressions;
using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>
/// The factor picker, the development SMS provider, the tenant's enabled factors and the user's own page,
/// with no send-phone-message Action bound.
/// </summary>
public sealed partial class FactorChoiceTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;
    private readonly TestClock _clock = fixture.Clock;

    [Fact]
    public async Task ChallengeWithAny_lists_the_enrolled_factors_and_the_user_picks_phone_whose_code_the_development_provider_logged()
    {
        var (clientId, enrolled) = await EnrolOtpAndPhoneAsync();
        var sms = (await PhoneInbox.SentAsync(_app, enrolled.User.Id))[0];
        Assert.Null(sms.ExecutionId);
        Assert.Contains("+*******0123", sms.Description);
        Assert.DoesNotContain(PhonePages.Number, sms.Description);

        await _app.DeployFlowAsync("post-login", ("any", MfaActions.ChallengeWithAny));
        var session = new HostedLoginSession(_app);
        var picker = (await session.LogInAsync(clientId, enrolled.User.Email!)).Headers.Location!;
        Assert.StartsWith("/u/mfa-choose", picker.OriginalString);
        var html = await session.Http.GetStringAsync(picker);
        Assert.Equal(["otp", "phone"], Choices().Matches(html).Select(m => m.Groups[1].Value));

        var phone = new Uri(WebUtility.HtmlDecode(Regex.Match(html, "href=\"([^\"]+)\" data-test=\"factor-phone\"").Groups[1].Value), UriKind.Relative);
        Assert.Contains("data-test=\"other-factors\"", await session.Http.GetStringAsync(phone));
        var passed = await PhonePages.SubmitCodeAsync(session.Http, phone, await PhoneInbox.LastCodeAsync(_app, enrolled.User.Id), "mfa-phone-challenge");
        Assert.Equal(enrolled.User.Id, (await session.ExchangeAsync(clientId, MfaPages.CodeOf(await session.Http.GetAsync(passed.Headers.Location)))).Subject);
    }

    [Fact]
    public async Task A_disabled_factor_is_ignored_by_challenges_and_enrolling_it_fails_the_login()
    {
        var (clientId, enrolled) = await EnrolOtpAndPhoneAsync();
        await SetEnabledAsync(MfaEnrollment.Phone, false);
        try
        {
            await _app.DeployFlowAsync("post-login", ("any", MfaActions.ChallengeWithAny));
            // Only the authenticator app is left: no picker, straight to its challenge, nothing else offered.
            var (session, challenge) = await enrolled.StartLoginAsync(_app, clientId);
            var html = await session.Http.GetStringAsync(challenge);
            Assert.Contains("Enter the 6-digit code from your authenticator app.", html);
            Assert.DoesNotContain("data-test=\"other-factors\"", html);

            await _app.DeployFlowAsync("post-login", ("phone", MfaActions.EnrolThenChallengePhone));
            var denied = (await new HostedLoginSession(_app).LogInAsync(clientId, (await _app.CreateUserAsync()).Email!)).Headers.Location!;
            var query = QueryHelpers.ParseQuery(denied.Query);
            Assert.Equal("access_denied", query["error"].ToString());
            Assert.StartsWith("The login flow asked to enrol a factor that is not enabled for this tenant (phone).", query["error_description"].ToString());
        }
        finally
        {
            await SetEnabledAsync(MfaEnrollment.Phone, true);
        }
    }

    [Fact]
    public async Task A_user_removes_their_own_factor_and_enrols_again_at_the_next_login()
    {
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var spa = await _app.CreateSpaAsync();
        var enrolled = await EnrolledUser.CreateAsync(_app, _clock, spa.ClientId);
        var (session, challenge) = await enrolled.StartLoginAsync(_app, spa.ClientId);
        _clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var passed = await MfaPages.SubmitCodeAsync(session.Http, challenge, Totp.Code(enrolled.Key, Totp.TimeStep(_clock.Now)));
        MfaPages.CodeOf(await session.Http.GetAsync(passed.Headers.Location));
        Assert.Contains("You are not logged in", await new HostedLoginSession(_app).Http.GetStringAsync("/u/mfa"));

        var page = await session.Http.GetStringAsync("/u/mfa");
        Assert.Equal(["otp", "recovery-code"], MyFactors().Matches(page).Select(m => m.Groups[1].Value));
        var otpId = WebUtility.HtmlDecode(Regex.Match(page, "value=\"([^\"]+)\" class=\"account-secondary\" data-test=\"remove-otp\"").Groups[1].Value);
        var removed = await HtmlForm.SubmitAsync(session.Http, "/u/mfa", new Dictionary<string, string> { ["Remove"] = otpId }, "mfa-self-service");
        var after = await removed.Content.ReadAsStringAsync();
        Assert.Contains("data-test=\"factor-removed\"", after);
        Assert.Empty(MyFactors().Matches(after));

        var again = (await new HostedLoginSession(_app).LogInAsync(spa.ClientId, enrolled.User.Email!)).Headers.Location!;
        Assert.StartsWith("/u/mfa-otp-enrollment", again.OriginalString);
    }

    // A user with the authenticator app (multifactor.enable) and then a phone (enrollWith), codes from the development provider.
    private async Task<(string ClientId, EnrolledUser Enrolled)> EnrolOtpAndPhoneAsync()
    {
        await _app.DeployFlowAsync("send-phone-message");
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var spa = await _app.CreateSpaAsync();
        var enrolled = await EnrolledUser.CreateAsync(_app, _clock, spa.ClientId);
        await _app.DeployFlowAsync("post-login", ("phone", MfaActions.EnrolThenChallengePhone));
        // A second factor is enrolled by someone who passed the first.
        var (session, challenge) = await enrolled.StartLoginAsync(_app, spa.ClientId);
        _clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var enrolment = FactorTakeoverTests.Local((await MfaPages.SubmitCodeAsync(session.Http, challenge, Totp.Code(enrolled.Key, Totp.TimeStep(_clock.Now)))).Headers.Location!);
        await PhonePages.EnterNumberAsync(session.Http, enrolment);
        var confirmed = await PhonePages.SubmitCodeAsync(session.Http, enrolment, await PhoneInbox.LastCodeAsync(_app, enrolled.User.Id), "mfa-phone-code");
        MfaPages.CodeOf(await session.Http.GetAsync(confirmed.Headers.Location));
        return (spa.ClientId, enrolled);
    }

    private async Task SetEnabledAsync(string type, bool enabled)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MfaSettings>().SetEnabledAsync(type, enabled, CancellationToken.None);
    }

    [GeneratedRegex("data-test=\"factor-([a-z-]+)\"")]
    private static partial Regex Choices();

    [GeneratedRegex("data-test=\"my-factor\" data-factor=\"([a-z-]+)\"")]
    private static partial Regex MyFactors();
}
