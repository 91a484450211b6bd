using System.Net;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>What a user does on the phone factor's pages.</summary>
internal static class PhonePages
{
    public const string Number = "+14155550123";

    /// <summary>Types the number on the enrolment page; returns the page that asks for the code.</summary>
    public static async Task<string> EnterNumberAsync(HttpClient http, Uri page, string number = "+1 415 555 0123")
    {
        Assert.StartsWith("/u/mfa-phone-enrollment", page.OriginalString);
        var sent = await HtmlForm.SubmitAsync(http, page.OriginalString, new Dictionary<string, string> { ["NumberInput.PhoneNumber"] = number }, "mfa-phone-number");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return await sent.Content.ReadAsStringAsync();
    }

    public static Task<HttpResponseMessage> SubmitCodeAsync(HttpClient http, Uri page, string code, string formName) =>
        HtmlForm.SubmitAsync(http, page.OriginalString, new Dictionary<string, string> { ["Input.Code"] = code }, formName);

    public static Task<HttpResponseMessage> ResendAsync(HttpClient http, Uri page) =>
        HtmlForm.SubmitAsync(http, page.OriginalString, new Dictionary<string, string>(), "mfa-phone-resend");

    /// <summary>A new user enrols a phone through the pages (the deployed flow must ask for it); returns the session, logged in.</summary>
    public static async Task<(TenantUser User, HostedLoginSession Session)> EnrolAsync(FlowgateApp app, string clientId)
    {
        var user = await app.CreateUserAsync();
        var session = new HostedLoginSession(app);
        var page = (await session.LogInAsync(clientId, user.Email!)).Headers.Location!;
        await EnterNumberAsync(session.Http, page);
        var confirmed = await SubmitCodeAsync(session.Http, page, await PhoneInbox.LastCodeAsync(app, user.Id), "mfa-phone-code");
        await MfaPages.ContinueToCodeAsync(session.Http, await confirmed.Content.ReadAsStringAsync());
        return (user, session);
    }
}
