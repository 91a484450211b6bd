using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Email.Tickets;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Login.Mfa;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Email;

/// <summary>
/// E-mail verification as a user meets it: the mail after signing up, the link, and what Actions see afterwards; and the
/// links' rules: single use, expiring, refused once the address changed, refused on the wrong page, deleted once spent;
/// and a password-change ticket's <c>mark_email_as_verified</c>, which takes effect when the password is set.
/// </summary>
public sealed class EmailVerificationTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    private const string Password = "correct horse battery";
    private readonly FlowgateApp _app = fixture.App;
    private readonly TestClock _clock = fixture.Clock;

    [Fact]
    public async Task Signing_up_mails_a_link_that_verifies_the_address_and_the_next_logins_action_sees_it()
    {
        await _app.DeployFlowAsync("post-login", ("echo verified", """
            exports.onExecutePostLogin = async (event, api) => {
              api.idToken.setCustomClaim('https://flowgate.test/verified', event.user.email_verified);
            };
            """));
        var spa = await _app.CreateSpaAsync();
        var email = $"new-{Guid.NewGuid():N}@example.com";
        var browser = _app.CreateBrowserClient();
        var signup = await HtmlForm.SubmitAsync(browser, "/u/signup", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signup.StatusCode);
        Assert.False(await VerifiedClaimAsync(spa.ClientId, email));

        var page = await _app.CreateBrowserClient().GetAsync(AccountMails.VerificationLink(_app, email));

        Assert.Contains("data-test=\"verification-done\"", await page.Content.ReadAsStringAsync());
        Assert.True((await FindAsync(email))!.EmailConfirmed);
        Assert.True(await VerifiedClaimAsync(spa.ClientId, email));
    }

    [Fact]
    public async Task A_link_works_once()
    {
        var user = await CreateUnverifiedUserAsync();
        var link = await TicketAsync(user.Id, resultUrl: "https://app.example.com/verified");
        var browser = _app.CreateBrowserClient();

        var first = await browser.GetAsync(link);
        var second = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var back = QueryHelpers.ParseQuery(first.Headers.Location!.Query);
        Assert.Equal("https://app.example.com/verified", first.Headers.Location.GetLeftPart(UriPartial.Path));
        Assert.Equal(["true", "success"], new[] { back["success"].ToString(), back["code"].ToString() });
        Assert.Contains("already used", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_verifies_nothing()
    {
        var user = await CreateUnverifiedUserAsync();
        var link = await TicketAsync(user.Id, ttlSec: 60);

        _clock.Advance(TimeSpan.FromSeconds(61));
        var page = await _app.CreateBrowserClient().GetAsync(link);

        Assert.Contains("expired", await page.Content.ReadAsStringAsync());
        Assert.False((await FindAsync(user.Email!))!.EmailConfirmed);
    }

    [Fact]
    public async Task A_link_sent_before_the_address_changed_is_refused_and_the_new_address_gets_its_own()
    {
        var user = await CreateUnverifiedUserAsync();
        var oldLink = AccountMails.VerificationLink(_app, user.Email!);
        var newEmail = $"moved-{Guid.NewGuid():N}@example.com";
        var api = await _app.CreateManagementClientAsync();

        var patched = await api.PatchAsJsonAsync($"/api/v2/users/{user.Id}", new { email = newEmail, verify_email = true });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.False((await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email_verified").GetBoolean());
        var refused = await _app.CreateBrowserClient().GetAsync(oldLink);
        Assert.Contains("no longer uses", await refused.Content.ReadAsStringAsync());
        Assert.False((await FindAsync(newEmail))!.EmailConfirmed);
        await _app.CreateBrowserClient().GetAsync(AccountMails.VerificationLink(_app, newEmail));
        Assert.True((await FindAsync(newEmail))!.EmailConfirmed);
    }

    [Fact]
    public async Task A_verification_link_is_no_password_change_link_and_a_made_up_one_is_nothing()
    {
        var user = await CreateUnverifiedUserAsync();
        var ticket = QueryHelpers.ParseQuery(new Uri("http://x" + await TicketAsync(user.Id)).Query)["ticket"].ToString();
        var browser = _app.CreateBrowserClient();

        var asPasswordChange = await browser.GetAsync($"/u/password-change?ticket={Uri.EscapeDataString(ticket)}");
        var madeUp = await browser.GetAsync($"/u/email-verification?ticket={Uri.EscapeDataString(ticket[..^2] + "xy")}");

        Assert.Equal(HttpStatusCode.OK, asPasswordChange.StatusCode);
        Assert.Contains("invalid", await asPasswordChange.Content.ReadAsStringAsync());
        Assert.Contains("invalid", await madeUp.Content.ReadAsStringAsync());
        Assert.False((await FindAsync(user.Email!))!.EmailConfirmed);
    }

    [Fact]
    public async Task A_password_change_ticket_marked_so_verifies_the_address_once_the_password_is_set_not_when_opened()
    {
        var user = await CreateUnverifiedUserAsync();
        var browser = _app.CreateBrowserClient();

        var resetPage = await OpenPasswordTicketAsync(browser, user.Id, markEmailAsVerified: true);
        Assert.Contains("Input.Password", await browser.GetStringAsync(resetPage));
        Assert.False((await FindAsync(user.Email!))!.EmailConfirmed);

        var changed = await HtmlForm.SubmitAsync(browser, resetPage, new Dictionary<string, string> { ["Input.Password"] = "a brand new passphrase" });
        Assert.Contains("data-test=\"reset-done\"", await changed.Content.ReadAsStringAsync());
        Assert.True((await FindAsync(user.Email!))!.EmailConfirmed);
    }

    [Fact]
    public async Task The_mark_verified_part_of_one_users_link_verifies_nobody_else()
    {
        var (user, other) = (await CreateUnverifiedUserAsync(), await CreateUnverifiedUserAsync());
        var marked = await OpenPasswordTicketAsync(_app.CreateBrowserClient(), user.Id, markEmailAsVerified: true);
        var verify = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), marked).Query)["verify"].ToString();
        Assert.NotEmpty(verify);
        var browser = _app.CreateBrowserClient();
        var otherPage = await OpenPasswordTicketAsync(browser, other.Id, markEmailAsVerified: false);

        var changed = await HtmlForm.SubmitAsync(browser, QueryHelpers.AddQueryString(otherPage, "verify", verify),
            new Dictionary<string, string> { ["Input.Password"] = "a brand new passphrase" });

        Assert.Contains("data-test=\"reset-done\"", await changed.Content.ReadAsStringAsync());
        Assert.False((await FindAsync(other.Email!))!.EmailConfirmed);
    }

    [Fact]
    public async Task Expired_tickets_and_tickets_used_a_day_ago_are_deleted_in_batches_and_live_ones_still_work()
    {
        var user = await CreateUnverifiedUserAsync();
        var used = await TicketAsync(user.Id);
        await _app.CreateBrowserClient().GetAsync(used);
        await TicketAsync(user.Id, ttlSec: 60);
        var live = await TicketAsync(user.Id, ttlSec: 30 * 24 * 3600);
        // More expired rows than one batch deletes, as a tenant that never swept would have.
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync())
        {
            db.EmailTickets.AddRange(Enumerable.Range(0, EmailTicketSweep.BatchSize * 2 + 10).Select(i => new EmailTicket
            {
                Id = $"old-{Guid.NewGuid():N}", Purpose = EmailTicketPurpose.EmailVerification, UserId = user.Id, Email = user.Email!,
                TokenHash = $"old-{Guid.NewGuid():N}", CreatedAt = _clock.GetUtcNow().AddDays(-10), ExpiresAt = _clock.GetUtcNow().AddDays(-5),
            }));
            await db.SaveChangesAsync();
        }
        // The sign-up mail's ticket, the three above and the old rows.
        Assert.Equal(EmailTicketSweep.BatchSize * 2 + 14, await TicketCountAsync(user.Id));

        _clock.Advance(EmailTicketSweep.UsedKeptFor + TimeSpan.FromMinutes(11));
        await TicketAsync(user.Id);

        // Left: the sign-up mail's ticket (five days), the live one and the one just issued.
        Assert.Equal(3, await TicketCountAsync(user.Id));
        Assert.Contains("invalid", await (await _app.CreateBrowserClient().GetAsync(used)).Content.ReadAsStringAsync());
        Assert.Contains("data-test=\"verification-done\"", await (await _app.CreateBrowserClient().GetAsync(live)).Content.ReadAsStringAsync());
    }

    private async Task<int> TicketCountAsync(string userId)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        return await db.EmailTickets.CountAsync(t => t.UserId == userId);
    }

    // Issues a password-change ticket and opens it: returns the reset page it leads to.
    private async Task<string> OpenPasswordTicketAsync(HttpClient browser, string userId, bool markEmailAsVerified)
    {
        var api = await _app.CreateManagementClientAsync();
        var issued = await api.PostAsJsonAsync("/api/v2/tickets/password-change", new { user_id = userId, mark_email_as_verified = markEmailAsVerified });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var opened = await browser.GetAsync(AccountMails.LocalPath((await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return new Uri(new Uri("http://localhost/"), opened.Headers.Location!).PathAndQuery;
    }

    // Created over the Management API, unverified: Auth0 (and Flowgate) mail the verification link then.
    private async Task<TenantUser> CreateUnverifiedUserAsync()
    {
        var api = await _app.CreateManagementClientAsync();
        var email = $"unverified-{Guid.NewGuid():N}@example.com";
        var created = await api.PostAsJsonAsync("/api/v2/users", new { connection = "Username-Password-Authentication", email, password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(AccountMails.Last(_app, email, "Verify your email"));
        return (await FindAsync(email))!;
    }

    private async Task<string> TicketAsync(string userId, string? resultUrl = null, int? ttlSec = null)
    {
        var api = await _app.CreateManagementClientAsync();
        var response = await api.PostAsJsonAsync("/api/v2/tickets/email-verification", new { user_id = userId, result_url = resultUrl, ttl_sec = ttlSec });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return AccountMails.LocalPath((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!);
    }

    private async Task<bool> VerifiedClaimAsync(string clientId, string email)
    {
        var http = _app.CreateBrowserClient();
        var callback = await http.LogInAsync(clientId, email);
        var token = await http.ExchangeCodeAsync(clientId, QueryHelpers.ParseQuery(callback.Query)["code"]!);
        return bool.Parse(token.Claims.Single(c => c.Type == "https://flowgate.test/verified").Value);
    }

    private async Task<TenantUser?> FindAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>().FindByEmailAsync(email);
    }
}
