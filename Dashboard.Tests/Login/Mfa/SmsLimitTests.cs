using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>SMS pumping: however the numbers change, a user, an enrolment and a tenant get only so many codes an hour.</summary>
public sealed partial class SmsLimitTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;
    private readonly TestClock _clock = fixture.Clock;
    private string? _clientId;

    [Fact]
    public async Task Another_number_does_not_restart_the_cool_down()
    {
        var (user, http, page) = await StartEnrolmentAsync();

        await PhonePages.EnterNumberAsync(http, page);
        var other = await PhonePages.EnterNumberAsync(http, ChangeNumber(page), "+1 415 555 0199");

        Assert.StartsWith("A code was sent moments ago.", MfaPages.Error(other));
        Assert.Equal(PhonePages.Number, SmsGateway.LastFor(user.Id).GetProperty("recipient").GetString());
    }

    [Fact]
    public async Task An_enrolment_gets_its_hourly_number_of_codes_whatever_the_numbers_then_waits_for_the_window()
    {
        var limit = new SmsOptions().PerEnrollmentPerHour;
        var (user, _, _) = await StartEnrolmentAsync();

        // Each try from a new login (a parked login expires before the hour is over), on the same pending enrolment.
        for (var i = 0; i < limit; i++)
        {
            Assert.Null(MfaPages.Error(await EnterAnotherNumberAsync(user, $"+1 415 555 {1000 + i}")));
            _clock.Advance(PhoneCodes.ResendCooldown);
        }
        var refused = await EnterAnotherNumberAsync(user, "+1 415 555 2000");
        // The hourly windows are counted in whole clock hours: the wait named depends on where in one the codes fell.
        var wait = TimeSpan.FromSeconds(int.Parse(WaitSeconds().Match(MfaPages.Error(refused) ?? "").Groups[1].Value));
        _clock.Advance(wait - TimeSpan.FromSeconds(2));
        var early = await EnterAnotherNumberAsync(user, "+1 415 555 2002");
        _clock.Advance(TimeSpan.FromSeconds(2));
        var later = await EnterAnotherNumberAsync(user, "+1 415 555 2001");

        Assert.StartsWith("A code was sent moments ago. Wait", MfaPages.Error(refused));
        Assert.InRange(wait, TimeSpan.FromMinutes(1), TimeSpan.FromHours(2));
        Assert.StartsWith("A code was sent moments ago. Wait", MfaPages.Error(early));
        Assert.Null(MfaPages.Error(later));
        Assert.Equal("+14155552001", SmsGateway.LastFor(user.Id).GetProperty("recipient").GetString());
    }

    private async Task<string> EnterAnotherNumberAsync(Flowgate.Runtime.Identity.TenantUser user, string number)
    {
        var session = new HostedLoginSession(_app);
        var page = (await session.LogInAsync(_clientId!, user.Email!)).Headers.Location!;
        return await PhonePages.EnterNumberAsync(session.Http, ChangeNumber(page), number);
    }

    // The enrolment page's "Use a different number" link.
    private static Uri ChangeNumber(Uri page) => new(page.OriginalString + "&change=true", UriKind.Relative);

    private async Task<(Flowgate.Runtime.Identity.TenantUser User, HttpClient Http, Uri Page)> StartEnrolmentAsync()
    {
        await _app.DeployFlowAsync("send-phone-message", ("sms", MfaActions.SendToGateway));
        await _app.DeployFlowAsync("post-login", ("phone", MfaActions.EnrolThenChallengePhone));
        var spa = await _app.CreateSpaAsync();
        _clientId = spa.ClientId;
        var user = await _app.CreateUserAsync();
        var session = new HostedLoginSession(_app);
        var page = (await session.LogInAsync(spa.ClientId, user.Email!)).Headers.Location!;
        return (user, session.Http, page);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Wait (\d+) seconds")]
    private static partial System.Text.RegularExpressions.Regex WaitSeconds();
}
