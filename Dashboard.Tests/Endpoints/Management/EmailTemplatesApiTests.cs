using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Login.Email;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>
/// <c>/api/v2/email-templates</c>, <c>/tickets/password-change</c> and <c>/jobs/verification-email</c> as Auth0's tools
/// call them, and what the user then receives: the saved template, with their own values encoded.
/// </summary>
public sealed class EmailTemplatesApiTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    private const string Password = "correct horse battery";
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task A_saved_template_is_used_for_the_next_mail_with_the_users_name_encoded()
    {
        var api = await _app.CreateManagementClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v2/email-templates/verify_email")).StatusCode);

        var put = await api.PutAsJsonAsync("/api/v2/email-templates/verify_email", new
        {
            template = "verify_email", syntax = "liquid", enabled = true, from = "Support <support@example.com>",
            subject = "Welcome aboard, {{ user.name }}", body = """<p>Dear {{ user.name }},</p><a href="{{ url }}">Confirm</a>""",
            resultUrl = "https://app.example.com/welcome", urlLifetimeInSeconds = 3600,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = await (await api.GetAsync("/api/v2/email-templates/verify_email")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://app.example.com/welcome", saved.GetProperty("resultUrl").GetString());
        Assert.Equal(3600, saved.GetProperty("urlLifetimeInSeconds").GetInt32());

        var email = $"templated-{Guid.NewGuid():N}@example.com";
        var created = await api.PostAsJsonAsync("/api/v2/users", new
        {
            connection = "Username-Password-Authentication", email, password = Password, name = "<img src=x onerror=alert(1)>Eve",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var mail = AccountMails.Last(_app, email)!;
        Assert.Equal("Welcome aboard, <img src=x onerror=alert(1)>Eve", mail.Subject); // a header, not HTML
        Assert.Equal("Support <support@example.com>", mail.From);
        Assert.Contains("<p>Dear &lt;img src=x onerror=alert(1)&gt;Eve,</p>", mail.Html);
        Assert.DoesNotContain("<img", mail.Html);
        var link = AccountMails.LinkIn(mail);
        var verified = await _app.CreateBrowserClient().GetAsync(link);
        Assert.Equal("https://app.example.com/welcome", verified.Headers.Location!.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task Invalid_liquid_is_refused_with_the_reason_and_nothing_is_saved()
    {
        var api = await _app.CreateManagementClientAsync();

        var put = await api.PutAsJsonAsync("/api/v2/email-templates/welcome_email", new
        {
            template = "welcome_email", syntax = "liquid", enabled = true, from = "", subject = "Hi", body = "<p>{% if user.name %}Hello</p>",
        });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var error = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("not valid Liquid", error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v2/email-templates/welcome_email")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v2/email-templates/no_such_template")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_ticket_leads_through_the_reset_once_then_to_the_result_url()
    {
        var user = await _app.CreateUserAsync();
        var api = await _app.CreateManagementClientAsync();
        var issued = await api.PostAsJsonAsync("/api/v2/tickets/password-change", new
        {
            user_id = user.Id, result_url = "https://app.example.com/changed", ttl_sec = 600, includeEmailInRedirect = true,
        });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var ticket = AccountMails.LocalPath((await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!);
        var browser = _app.CreateBrowserClient();

        var opened = await browser.GetAsync(ticket);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var resetPage = new Uri(new Uri("http://localhost/"), opened.Headers.Location!).PathAndQuery;
        var changed = await HtmlForm.SubmitAsync(browser, resetPage, new Dictionary<string, string> { ["Input.Password"] = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("https://app.example.com/changed", changed.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal(user.Email, QueryHelpers.ParseQuery(changed.Headers.Location.Query)["email"].ToString());
        Assert.Contains("already used", await (await _app.CreateBrowserClient().GetAsync(ticket)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_verification_email_job_mails_the_user_and_answers_a_job()
    {
        var user = await _app.CreateUserAsync();
        var api = await _app.CreateManagementClientAsync();

        var response = await api.PostAsJsonAsync("/api/v2/jobs/verification-email", new { user_id = user.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("verification_email", job.GetProperty("type").GetString());
        Assert.StartsWith("job_", job.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v2/jobs/{job.GetProperty("id").GetString()}")).StatusCode);
        Assert.NotNull(AccountMails.Last(_app, user.Email!));
    }
}
