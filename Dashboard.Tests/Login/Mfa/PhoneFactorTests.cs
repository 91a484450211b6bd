using System.Net;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>The phone factor end to end: codes delivered by the send-phone-message Action, typed back, refused when wrong, locked after ten.</summary>
public sealed class PhoneFactorTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;
    private readonly TestClock _clock = fixture.Clock;

    [Fact]
    public async Task The_action_receives_the_code_the_user_enrols_with_it_and_the_next_login_is_challenged_by_sms()
    {
        await _app.DeployFlowAsync("send-phone-message", ("sms", MfaActions.SendToGateway));
        await _app.DeployFlowAsync("post-login", ("phone", MfaActions.EnrolThenChallengePhone), ("report", MfaActions.ReportEvent));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var session = new HostedLoginSession(_app);
        var enrolment = (await session.LogInAsync(spa.ClientId, user.Email!)).Headers.Location!;

        Assert.Contains("texted to +*******0123", WebUtility.HtmlDecode(await PhonePages.EnterNumberAsync(session.Http, enrolment)));
        var message = await PhoneInbox.LastMessageAsync(_app, user.Id);
        Assert.Equal("enrollment", message.GetProperty("action").GetString());
        Assert.Equal("sms", message.GetProperty("message_type").GetString());
        Assert.Equal(PhonePages.Number, message.GetProperty("recipient").GetString());
        var code = message.GetProperty("code").GetString()!;
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Contains(code, message.GetProperty("text").GetString());

        var wrong = await PhonePages.SubmitCodeAsync(session.Http, enrolment, code == "000000" ? "111111" : "000000", "mfa-phone-code");
        Assert.Equal("Wrong code. Check the text message and try again.", MfaPages.Error(await wrong.Content.ReadAsStringAsync()));
        var confirmed = await PhonePages.SubmitCodeAsync(session.Http, enrolment, code, "mfa-phone-code");
        await MfaPages.ContinueToCodeAsync(session.Http, await confirmed.Content.ReadAsStringAsync());

        var next = new HostedLoginSession(_app);
        var challenge = (await next.LogInAsync(spa.ClientId, user.Email!)).Headers.Location!;
        Assert.StartsWith("/u/mfa-phone-challenge", challenge.OriginalString);
        Assert.Contains("texted to +*******0123", WebUtility.HtmlDecode(await next.Http.GetStringAsync(challenge)));
        message = await PhoneInbox.LastMessageAsync(_app, user.Id);
        Assert.Equal("second-factor-authentication", message.GetProperty("action").GetString());
        var passed = await PhonePages.SubmitCodeAsync(next.Http, challenge, message.GetProperty("code").GetString()!, "mfa-phone-challenge");
        var idToken = await next.ExchangeAsync(spa.ClientId, MfaPages.CodeOf(await next.Http.GetAsync(passed.Headers.Location)));
        Assert.Equal("pwd,mfa", idToken.Claims.Single(c => c.Type == "https://flowgate.test/methods").Value);
        Assert.Equal("phone,recovery-code", idToken.Claims.Single(c => c.Type == "https://flowgate.test/factors").Value);
    }

    [Fact]
    public async Task A_code_works_once_expires_after_five_minutes_and_a_resend_waits_for_the_cool_down()
    {
        var (clientId, user) = await EnrolAsync();
        var (session, challenge) = await StartChallengeAsync(clientId, user.Email!);
        var first = await PhoneInbox.LastCodeAsync(_app, user.Id);

        var tooSoon = await PhonePages.ResendAsync(session.Http, challenge);
        Assert.Equal("A code was sent moments ago. Wait 30 seconds before asking for another.", MfaPages.Error(await tooSoon.Content.ReadAsStringAsync()));
        _clock.Advance(PhoneCodes.ResendCooldown);
        Assert.Null(MfaPages.Error(await (await PhonePages.ResendAsync(session.Http, challenge)).Content.ReadAsStringAsync()));
        var second = await PhoneInbox.LastCodeAsync(_app, user.Id);
        if (second != first)
            Assert.Equal("Wrong code. Check the text message and try again.", await ErrorAfterAsync(session, challenge, first));

        // The tab stays open past the code's lifetime: the form is posted without loading the page again (which would send a new code).
        var openPage = await session.Http.GetStringAsync(challenge);
        _clock.Advance(PhoneCodes.Lifetime);
        var expired = await HtmlForm.PostAsync(session.Http, challenge.OriginalString, openPage, new Dictionary<string, string> { ["Input.Code"] = second }, "mfa-phone-challenge");
        Assert.Equal("This code expired or was already used. Send a new one.", MfaPages.Error(await expired.Content.ReadAsStringAsync()));
        _clock.Advance(PhoneCodes.ResendCooldown);
        await PhonePages.ResendAsync(session.Http, challenge);
        var third = await PhoneInbox.LastCodeAsync(_app, user.Id);
        var passed = await PhonePages.SubmitCodeAsync(session.Http, challenge, third, "mfa-phone-challenge");
        MfaPages.CodeOf(await session.Http.GetAsync(passed.Headers.Location));

        var (again, secondChallenge) = await StartChallengeAsync(clientId, user.Email!);
        if (await PhoneInbox.LastCodeAsync(_app, user.Id) != third)
            Assert.Equal("Wrong code. Check the text message and try again.", await ErrorAfterAsync(again, secondChallenge, third));
    }

    [Fact]
    public async Task Ten_wrong_codes_lock_the_phone_and_no_code_is_sent_while_locked()
    {
        var (clientId, user) = await EnrolAsync();
        var (session, challenge) = await StartChallengeAsync(clientId, user.Email!);
        var right = await PhoneInbox.LastCodeAsync(_app, user.Id);
        var wrongCode = right == "000000" ? "111111" : "000000";

        string? error = null;
        for (var attempt = 1; attempt <= MfaVerifier.MaxFailedAttempts; attempt++)
            error = await ErrorAfterAsync(session, challenge, wrongCode);
        Assert.Equal("Too many wrong codes. This factor is locked for a while; try again later.", error);
        Assert.Equal(error, await ErrorAfterAsync(session, challenge, right));
        _clock.Advance(PhoneCodes.ResendCooldown);
        Assert.Equal(error, MfaPages.Error(await (await PhonePages.ResendAsync(session.Http, challenge)).Content.ReadAsStringAsync()));
        Assert.Equal(right, await PhoneInbox.LastCodeAsync(_app, user.Id));
    }

    private async Task<string?> ErrorAfterAsync(HostedLoginSession session, Uri challenge, string code)
    {
        var response = await PhonePages.SubmitCodeAsync(session.Http, challenge, code, "mfa-phone-challenge");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return MfaPages.Error(await response.Content.ReadAsStringAsync());
    }

    private async Task<(string ClientId, TenantUser User)> EnrolAsync()
    {
        await _app.DeployFlowAsync("send-phone-message", ("sms", MfaActions.SendToGateway));
        await _app.DeployFlowAsync("post-login", ("phone", MfaActions.EnrolThenChallengePhone));
        var spa = await _app.CreateSpaAsync();
        return (spa.ClientId, (await PhonePages.EnrolAsync(_app, spa.ClientId)).User);
    }

    // A new browser logs in; opening the challenge page sends the code.
    private async Task<(HostedLoginSession, Uri)> StartChallengeAsync(string clientId, string email)
    {
        var session = new HostedLoginSession(_app);
        var challenge = (await session.LogInAsync(clientId, email)).Headers.Location!;
        Assert.StartsWith("/u/mfa-phone-challenge", challenge.OriginalString);
        await session.Http.GetStringAsync(challenge);
        return (session, challenge);
    }
}
