using System.Net;
using Flowgate.Runtime.Email;
using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>
/// Someone with only the password tries to take the account's second factor over: remove the factors at
/// <c>/u/mfa</c>, or enrol a factor of their own. Both need the existing factor first.
/// </summary>
public sealed class FactorTakeoverTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;
    private readonly TestClock _clock = fixture.Clock;

    [Fact]
    public async Task The_password_alone_cannot_remove_factors_and_removing_the_last_one_after_a_passed_factor_mails_the_user()
    {
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var spa = await _app.CreateSpaAsync();
        var enrolled = await EnrolledUser.CreateAsync(_app, _clock, spa.ClientId);
        var otpId = (await FactorsAsync(enrolled.User.Id)).Single(f => f.Type == MfaEnrollment.Otp).Id;

        // The attacker's browser: the password is right, the challenge page is where they stop.
        var (attacker, _) = await enrolled.StartLoginAsync(_app, spa.ClientId);
        var page = await attacker.Http.GetAsync("/u/mfa");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var stepUp = Local(page.Headers.Location!);
        Assert.StartsWith("/u/mfa-otp-challenge", stepUp.OriginalString);
        // A removal posted straight to the page (with a valid antiforgery token from another page) removes nothing.
        await HtmlForm.PostAsync(attacker.Http, "/u/mfa", await attacker.Http.GetStringAsync("/u/login"),
            new Dictionary<string, string> { ["_handler"] = "mfa-self-service", ["Remove"] = otpId });
        Assert.Contains(await FactorsAsync(enrolled.User.Id), f => f.Id == otpId);

        // The owner passes the factor on that page and may then change factors, for a few minutes.
        Assert.Equal("/u/mfa", (await PassAsync(attacker.Http, stepUp, enrolled.Key)).OriginalString);
        Assert.Contains("data-test=\"remove-otp\"", await attacker.Http.GetStringAsync("/u/mfa"));
        _clock.Advance(TimeSpan.FromMinutes(6));
        var stale = await attacker.Http.GetAsync("/u/mfa");
        Assert.StartsWith("/u/mfa-otp-challenge", Local(stale.Headers.Location!).OriginalString);

        // Removing the last factor: it is gone, and the owner is told by e-mail.
        await PassAsync(attacker.Http, Local(stale.Headers.Location!), enrolled.Key);
        var removed = await HtmlForm.SubmitAsync(attacker.Http, "/u/mfa", new Dictionary<string, string> { ["Remove"] = otpId }, "mfa-self-service");
        Assert.Contains("data-test=\"factor-removed\"", await removed.Content.ReadAsStringAsync());
        Assert.Empty(await FactorsAsync(enrolled.User.Id));
        Assert.Contains(_app.Services.GetRequiredService<DevelopmentOutbox>().Messages,
            m => m.To == enrolled.User.Email && m.Subject.Contains("no longer has multi-factor"));
    }

    [Fact]
    public async Task Enrolling_a_new_factor_while_one_exists_needs_the_existing_one_first()
    {
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var spa = await _app.CreateSpaAsync();
        var enrolled = await EnrolledUser.CreateAsync(_app, _clock, spa.ClientId);
        await _app.DeployFlowAsync("post-login", ("phone", MfaActions.EnrolThenChallengePhone));

        var (session, challenge) = await enrolled.StartLoginAsync(_app, spa.ClientId);
        // Not the phone enrolment the attacker would use to add their own number: the authenticator app first.
        Assert.DoesNotContain("mfa-phone-enrollment", challenge.OriginalString);
        Assert.Contains("data-test=\"mfa-error\"", await session.Http.GetStringAsync("/u/mfa-phone-enrollment?" + challenge.OriginalString.Split('?')[1]));

        Assert.StartsWith("/u/mfa-phone-enrollment", (await PassAsync(session.Http, challenge, enrolled.Key)).OriginalString);
    }

    private Task<Uri> PassAsync(HttpClient http, Uri challenge, byte[] key) => MfaPages.PassOtpAsync(http, challenge, key, _clock);

    // The pages redirect with absolute addresses on this host; the helpers expect local ones.
    internal static Uri Local(Uri location) => location.IsAbsoluteUri ? new Uri(location.PathAndQuery, UriKind.Relative) : location;

    private async Task<IReadOnlyList<MfaEnrollment>> FactorsAsync(string userId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MfaEnrollments>().ListAsync(userId, CancellationToken.None);
    }
}
