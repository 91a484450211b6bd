using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Flowgate.Runtime.Monitoring;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Runtime.Mfa.WebAuthn;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>
/// The security-key pages with an authenticator made in the test: an answer from another origin, a challenge
/// answered twice, a counter that went back and another user's key are refused, shown to the user and written to
/// the tenant logs.
/// </summary>
public sealed partial class WebAuthnChallengeTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    // The test server's address: the RP id is its host.
    private const string Origin = "http://localhost";
    private const string RpId = "localhost";
    private const string Refused = "Your security key or device was not accepted. Try again with the one you registered.";
    private const string SecurityKeys = """
        exports.onExecutePostLogin = async (event, api) => {
          if (event.user.enrolledFactors.some(f => f.type === 'webauthn-roaming')) api.authentication.challengeWith({ type: 'webauthn-roaming' });
          else api.authentication.enrollWith({ type: 'webauthn-roaming' });
        };
        """;
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task Wrong_origin_replayed_challenge_and_counter_going_back_are_refused_and_logged_then_a_good_answer_passes()
    {
        await _app.DeployFlowAsync("post-login", ("keys", SecurityKeys));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        using var key = SoftwareAuthenticator.Es256();

        var first = new HostedLoginSession(_app);
        var enrolment = (await first.LogInAsync(spa.ClientId, user.Email!)).Headers.Location!.OriginalString;
        Assert.StartsWith("/u/mfa-webauthn-enrollment", enrolment);
        var enrolled = await SubmitAsync(first.Http, enrolment, key.RegistrationJson(await ChallengeAsync(first.Http, enrolment), Origin, RpId));
        var notice = await enrolled.Content.ReadAsStringAsync();
        Assert.NotEmpty(MfaPages.RecoveryCode(notice));
        await MfaPages.ContinueToCodeAsync(first.Http, notice);

        var second = new HostedLoginSession(_app);
        var page = (await second.LogInAsync(spa.ClientId, user.Email!)).Headers.Location!.OriginalString;
        Assert.StartsWith("/u/mfa-webauthn-challenge", page);
        var challenge = await ChallengeAsync(second.Http, page);
        key.Counter = 5;
        Assert.Equal(Refused, await ErrorAsync(second.Http, page, key.AssertionJson(challenge, "https://phishing.example", RpId)));
        Assert.Equal("This answer was already used. Try again.", await ErrorAsync(second.Http, page, key.AssertionJson(challenge, Origin, RpId)));
        key.Counter = 0;
        Assert.Equal(Refused, await ErrorAsync(second.Http, page, key.AssertionJson(await ChallengeAsync(second.Http, page), Origin, RpId)));

        key.Counter = 6;
        var passed = await SubmitAsync(second.Http, page, key.AssertionJson(await ChallengeAsync(second.Http, page), Origin, RpId));
        Assert.Equal(user.Id, (await second.ExchangeAsync(spa.ClientId, MfaPages.CodeOf(await second.Http.GetAsync(passed.Headers.Location)))).Subject);

        await _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        var failures = (await _app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<TenantLog>()
            .SearchAsync(new TenantLogQuery(UserId: user.Id), 0, 50, CancellationToken.None)).Items.Where(e => e.Type == "gd_auth_failed").Select(e => e.Description).ToList();
        Assert.Contains("webauthn-roaming: The origin 'https://phishing.example' is not allowed.", failures);
        Assert.Contains("webauthn-roaming: The challenge was already answered: a replayed assertion.", failures);
        Assert.Contains(failures, d => d!.StartsWith("webauthn-roaming: The sign counter went from 1 to 0") && d.EndsWith("may have been cloned."));
        Assert.Contains(fixture.Logs.Lines, l => l.StartsWith("Warning:") && l.Contains("may have been cloned"));
    }

    [Fact]
    public async Task Another_users_security_key_is_refused_at_a_users_challenge_and_logged_while_the_users_own_passes()
    {
        await _app.DeployFlowAsync("post-login", ("keys", SecurityKeys));
        var spa = await _app.CreateSpaAsync();
        var (owner, user) = (await _app.CreateUserAsync(), await _app.CreateUserAsync());
        using var ownersKey = SoftwareAuthenticator.Es256();
        using var usersKey = SoftwareAuthenticator.Es256();
        await EnrolAsync(spa.ClientId, owner.Email!, ownersKey);
        await EnrolAsync(spa.ClientId, user.Email!, usersKey);

        var session = new HostedLoginSession(_app);
        var page = (await session.LogInAsync(spa.ClientId, user.Email!)).Headers.Location!.OriginalString;
        ownersKey.Counter = 2;
        Assert.Equal(Refused, await ErrorAsync(session.Http, page, ownersKey.AssertionJson(await ChallengeAsync(session.Http, page), Origin, RpId)));
        usersKey.Counter = 2;
        var passed = await SubmitAsync(session.Http, page, usersKey.AssertionJson(await ChallengeAsync(session.Http, page), Origin, RpId));
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);

        await _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        var failures = (await _app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<TenantLog>()
            .SearchAsync(new TenantLogQuery(UserId: user.Id), 0, 50, CancellationToken.None)).Items.Where(e => e.Type == "gd_auth_failed").Select(e => e.Description);
        Assert.Equal(["webauthn-roaming: The credential is not one of the user's."], failures);
    }

    private async Task EnrolAsync(string clientId, string email, SoftwareAuthenticator key)
    {
        var session = new HostedLoginSession(_app);
        var enrolment = (await session.LogInAsync(clientId, email)).Headers.Location!.OriginalString;
        var enrolled = await SubmitAsync(session.Http, enrolment, key.RegistrationJson(await ChallengeAsync(session.Http, enrolment), Origin, RpId));
        Assert.NotEmpty(MfaPages.RecoveryCode(await enrolled.Content.ReadAsStringAsync()));
    }

    // The challenge in the options the page gives the browser's script.
    private static async Task<byte[]> ChallengeAsync(HttpClient http, string page)
    {
        var options = WebUtility.HtmlDecode(Options().Match(await http.GetStringAsync(page)).Groups[1].Value);
        return Base64Url.DecodeFromChars(JsonDocument.Parse(options).RootElement.GetProperty("challenge").GetString());
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient http, string page, string credential) =>
        HtmlForm.SubmitAsync(http, page, new Dictionary<string, string> { ["Input.Response"] = credential });

    private static async Task<string?> ErrorAsync(HttpClient http, string page, string credential)
    {
        var response = await SubmitAsync(http, page, credential);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return MfaPages.Error(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("data-webauthn-options=\"([^\"]+)\"")]
    private static partial Regex Options();
}
