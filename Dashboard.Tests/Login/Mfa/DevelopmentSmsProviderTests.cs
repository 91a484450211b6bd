using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>
/// Without a send-phone-message Action, codes go to the tenant logs only where the development provider is on
/// (everywhere but Production, or <c>Mfa:DevelopmentSmsProvider</c>): shipped logs must not carry live codes.
/// </summary>
public sealed class DevelopmentSmsProviderTests
{
    [Fact]
    public async Task With_the_development_provider_off_and_no_Action_bound_no_code_is_logged_and_the_user_is_told()
    {
        using var app = new FlowgateApp(settings: new Dictionary<string, string> { ["Mfa:DevelopmentSmsProvider"] = "false" });
        var spa = await app.CreateSpaAsync();
        await app.DeployFlowAsync("post-login", ("phone", MfaActions.EnrolThenChallengePhone));
        var user = await app.CreateUserAsync();
        var session = new HostedLoginSession(app);
        var page = (await session.LogInAsync(spa.ClientId, user.Email!)).Headers.Location!;

        var html = await PhonePages.EnterNumberAsync(session.Http, page);

        Assert.Contains(System.Net.WebUtility.HtmlEncode(Dashboard.Components.Login.Mfa.MfaMessages.NotSent), html);
        Assert.Empty(await PhoneInbox.SentAsync(app, user.Id));
        var failure = Assert.Single(await PhoneInbox.SentAsync(app, user.Id, "gd_send_sms_failure"));
        Assert.Contains("bind an Action to the send-phone-message trigger", failure.Description);
        Assert.DoesNotContain(PhonePages.Number, failure.Description);
    }
}
