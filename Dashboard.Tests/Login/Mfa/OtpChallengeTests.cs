using System.Net;
using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>The challenge page refuses wrong and replayed codes, takes the recovery code once, and locks after 10 wrong codes.</summary>
public sealed class OtpChallengeTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;
    private readonly TestClock _clock = fixture.Clock;

    [Fact]
    public async Task A_wrong_code_and_a_code_of_a_step_already_used_are_refused_and_the_next_step_passes()
    {
        var (clientId, enrolled) = await EnrolAsync();
        var (session, challenge) = await enrolled.StartLoginAsync(_app, clientId);

        var current = Totp.Code(enrolled.Key, Totp.TimeStep(_clock.Now));
        var wrong = await MfaPages.SubmitCodeAsync(session.Http, challenge, current == "000000" ? "111111" : "000000");
        Assert.Equal("Wrong code. Check your authenticator app and try again.", MfaPages.Error(await wrong.Content.ReadAsStringAsync()));

        // Enrolment used this step: the same code again is a replay, even though it is still within the window.
        var replayed = await MfaPages.SubmitCodeAsync(session.Http, challenge, current);
        Assert.Equal("This code was already used. Wait for the next one and try again.", MfaPages.Error(await replayed.Content.ReadAsStringAsync()));

        _clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var passed = await MfaPages.SubmitCodeAsync(session.Http, challenge, Totp.Code(enrolled.Key, Totp.TimeStep(_clock.Now)));
        MfaPages.CodeOf(await session.Http.GetAsync(passed.Headers.Location));
    }

    [Fact]
    public async Task The_recovery_code_works_once_and_a_new_one_is_shown()
    {
        var (clientId, enrolled) = await EnrolAsync();
        var (session, challenge) = await enrolled.StartLoginAsync(_app, clientId);
        var recoveryPage = new Uri(challenge.OriginalString + "&method=recovery-code", UriKind.Relative);

        var used = await MfaPages.SubmitCodeAsync(session.Http, recoveryPage, enrolled.RecoveryCode.ToLowerInvariant());
        var html = await used.Content.ReadAsStringAsync();
        var next = MfaPages.RecoveryCode(html);
        Assert.NotEqual(enrolled.RecoveryCode, next);
        Assert.Equal(enrolled.User.Id, (await session.ExchangeAsync(clientId, await MfaPages.ContinueToCodeAsync(session.Http, html))).Subject);

        var (again, secondChallenge) = await enrolled.StartLoginAsync(_app, clientId);
        var secondPage = new Uri(secondChallenge.OriginalString + "&method=recovery-code", UriKind.Relative);
        var reused = await MfaPages.SubmitCodeAsync(again.Http, secondPage, enrolled.RecoveryCode);
        Assert.Equal("Wrong code. Check your authenticator app and try again.", MfaPages.Error(await reused.Content.ReadAsStringAsync()));
        var fresh = await MfaPages.SubmitCodeAsync(again.Http, secondPage, next);
        Assert.NotNull(MfaPages.RecoveryCode(await fresh.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Ten_wrong_codes_lock_the_factor_until_the_lock_ends()
    {
        var (clientId, enrolled) = await EnrolAsync();
        var (session, challenge) = await enrolled.StartLoginAsync(_app, clientId);
        _clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var right = Totp.Code(enrolled.Key, Totp.TimeStep(_clock.Now));
        var wrongCode = right == "000000" ? "111111" : "000000";

        string? error = null;
        for (var attempt = 1; attempt <= MfaVerifier.MaxFailedAttempts; attempt++)
            error = MfaPages.Error(await (await MfaPages.SubmitCodeAsync(session.Http, challenge, wrongCode)).Content.ReadAsStringAsync());
        Assert.Equal("Too many wrong codes. This factor is locked for a while; try again later.", error);
        var refused = await MfaPages.SubmitCodeAsync(session.Http, challenge, right);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(error, MfaPages.Error(await refused.Content.ReadAsStringAsync()));
        Assert.Contains(fixture.Logs.Lines, l => l.StartsWith("Warning:") && l.Contains(enrolled.User.Id) && l.Contains("locked"));
        Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains(Base32.Encode(enrolled.Key)) || l.Contains(enrolled.RecoveryCode));

        _clock.Advance(MfaVerifier.LockDuration + TimeSpan.FromSeconds(Totp.StepSeconds));
        var (later, laterChallenge) = await enrolled.StartLoginAsync(_app, clientId);
        var passed = await MfaPages.SubmitCodeAsync(later.Http, laterChallenge, Totp.Code(enrolled.Key, Totp.TimeStep(_clock.Now)));
        MfaPages.CodeOf(await later.Http.GetAsync(passed.Headers.Location));
    }

    private async Task<(string ClientId, EnrolledUser Enrolled)> EnrolAsync()
    {
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var spa = await _app.CreateSpaAsync();
        return (spa.ClientId, await EnrolledUser.CreateAsync(_app, _clock, spa.ClientId));
    }
}
