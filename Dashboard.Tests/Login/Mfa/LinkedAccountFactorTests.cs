using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>
/// Someone who knows only a linked secondary's password (and has its old authenticator) tries to reach the primary
/// user: the login goes on as the primary, whose factor is asked, and the secondary's factor does not pass it.
/// </summary>
public sealed class LinkedAccountFactorTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;
    private readonly TestClock _clock = fixture.Clock;

    [Fact]
    public async Task The_secondarys_password_meets_the_primarys_factor_and_the_secondarys_own_factor_does_not_pass_it()
    {
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var spa = await _app.CreateSpaAsync();
        var primary = await EnrolledUser.CreateAsync(_app, _clock, spa.ClientId);
        var secondary = await EnrolledUser.CreateAsync(_app, _clock, spa.ClientId);
        var http = await _app.CreateManagementClientAsync();
        (await DatabaseLinkingTests.LinkAsync(http, primary.User.Id, secondary.User.Id)).EnsureSuccessStatusCode();

        // The secondary's password alone stops at a factor challenge.
        var (attacker, challenge) = await secondary.StartLoginAsync(_app, spa.ClientId);
        _clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var wrong = await MfaPages.SubmitCodeAsync(attacker.Http, challenge, Totp.Code(secondary.Key, Totp.TimeStep(_clock.Now)));
        Assert.Equal("Wrong code. Check your authenticator app and try again.", MfaPages.Error(await wrong.Content.ReadAsStringAsync()));

        // The primary's authenticator passes it, and the tokens are the primary's.
        var next = await MfaPages.PassOtpAsync(attacker.Http, challenge, primary.Key, _clock);
        var code = MfaPages.CodeOf(await attacker.Http.GetAsync(next));
        Assert.Equal(primary.User.Id, (await attacker.ExchangeAsync(spa.ClientId, code)).Subject);
    }
}
