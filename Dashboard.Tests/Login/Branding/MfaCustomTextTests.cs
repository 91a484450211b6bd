using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Login.Mfa;

namespace Flowgate.Tests.Login.Branding;

/// <summary>
/// Custom texts on the screens past the password: the authenticator-app enrolment reads its French texts when the
/// application asked for ui_locales=fr, English otherwise; the hosted error page reads them too.
/// </summary>
public sealed class MfaCustomTextTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task The_authenticator_app_enrolment_shows_its_french_texts_for_ui_locales_fr_and_english_otherwise()
    {
        var api = await _app.CreateManagementClientAsync("read:prompts update:prompts");
        (await api.PutAsJsonAsync("/api/v2/prompts/mfa-otp/custom-text/fr", new JsonObject
        {
            ["mfa-otp-enrollment-qr"] = new JsonObject
            {
                ["title"] = "Sécurisez votre compte",
                ["description"] = "Scannez ce code avec votre application pour ${clientName} (${companyName}).",
                ["buttonText"] = "Continuer",
            },
        })).EnsureSuccessStatusCode();
        await _app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var spa = await _app.CreateSpaAsync();

        var french = WebUtility.HtmlDecode(await EnrolmentPageAsync(spa.ClientId, "&ui_locales=fr"));
        Assert.Contains("<h1>Sécurisez votre compte</h1>", french);
        Assert.Contains("Scannez ce code avec votre application pour My SPA (Flowgate).", french);
        Assert.Contains(">Continuer</button>", french);
        // A key the French texts leave out keeps its default.
        Assert.Contains("<label for=\"code\">Code</label>", french);

        var english = WebUtility.HtmlDecode(await EnrolmentPageAsync(spa.ClientId, ""));
        Assert.Contains("<h1>Secure your account</h1>", english);
        Assert.Contains("Scan this QR code with your authenticator app, then type the 6-digit code it shows.", english);
        Assert.DoesNotContain("Sécurisez", english);
    }

    [Fact]
    public async Task The_error_page_shows_its_custom_title_in_the_requested_language()
    {
        var api = await _app.CreateManagementClientAsync("read:prompts update:prompts");
        (await api.PutAsJsonAsync("/api/v2/prompts/common/custom-text/de", new JsonObject
        {
            ["error"] = new JsonObject { ["title"] = "Etwas ist schiefgelaufen", ["errorCodeText"] = "Fehlercode:" },
        })).EnsureSuccessStatusCode();
        var http = _app.CreateBrowserClient();

        var german = await http.GetAsync("/u/error?key=login-expired&ui_locales=de");
        var html = await german.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, german.StatusCode);
        Assert.Contains("<h1>Etwas ist schiefgelaufen</h1>", html);
        Assert.Contains("Fehlercode: <code data-test=\"error-code\">invalid_request</code>", html);

        var plain = await (await http.GetAsync("/u/error?key=login-expired")).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Something went wrong</h1>", plain);
        Assert.Contains("Error code: <code", plain);
    }

    // Logs a new user in through /authorize (with the extra query) and returns the factor page the login lands on.
    private async Task<string> EnrolmentPageAsync(string clientId, string extraQuery)
    {
        var user = await _app.CreateUserAsync();
        var session = new HostedLoginSession(_app);
        var login = await session.Http.GetAsync(HostedLogin.AuthorizeUrl(clientId, HostedLogin.Verifier, "s1") + extraQuery);
        var loggedIn = await HtmlForm.SubmitAsync(session.Http, login.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!, ["Input.Password"] = "correct horse battery",
        });
        var factor = (await session.Http.GetAsync(loggedIn.Headers.Location)).Headers.Location!;
        Assert.StartsWith("/u/mfa-otp-enrollment", factor.OriginalString);
        return await session.Http.GetStringAsync(factor);
    }
}
