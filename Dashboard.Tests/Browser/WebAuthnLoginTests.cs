using System.Text.RegularExpressions;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flowgate.Tests.Browser;

/// <summary>
/// Security keys and passkeys in Chromium with a virtual authenticator (DevTools' WebAuthn domain). The site is
/// http://localhost: a secure context whose host is a valid RP id (127.0.0.1 is not one).
/// </summary>
public sealed class WebAuthnLoginTests(Infrastructure.Browser browser) : IClassFixture<Infrastructure.Browser>
{
    // seeds/001 ("Using Actions to Customize Your MFA Factors"): "Require webauthn MFA for admins", with the closing lines the page cut off.
    private const string RequireWebAuthnForAdmins = """
        exports.onExecutePostLogin = async (event, api) => {
            // Check if the user is an admin, enforce webauthn
            if (event.authorization?.roles?.includes('Admin')) {
                // Check if the user is already enrolled with webauthn
                if (event.user.enrolledFactors && event.user.enrolledFactors.some(m => m.type === 'webauthn-roaming')) {
                    api.authentication.challengeWith({type: 'webauthn-roaming'})
                } else {
                    api.authentication.enrollWith({type: 'webauthn-roaming'})
                }
            }
        };
        """;

    [Fact]
    public async Task Seed_tutorial_an_admin_enrols_a_security_key_at_the_first_login_and_is_challenged_with_it_at_the_next()
    {
        using var app = KestrelApp.StartOnLocalhost();
        var spa = await app.CreateSpaAsync();
        var admin = await CreateUserAsync(app, "Admin");
        await app.DeployAndBindAsync(("Require webauthn MFA for admins", RequireWebAuthnForAdmins));
        await using var context = await browser.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.AddAuthenticatorAsync("usb");
        var login = new BrowserLogin(page, LocalhostUrl(app), spa.ClientId);
        await login.RouteCallbackAsync();

        await login.StartAsync();
        await login.LogInWithPasswordAsync(admin.Email!);
        await Expect(page).ToHaveURLAsync(new Regex("/u/mfa-webauthn-enrollment"));
        await Expect(page.Locator("[data-test=webauthn-start]")).ToHaveTextAsync("Add security key");
        await page.ClickAsync("[data-test=webauthn-start]");
        // The first factor comes with a recovery code, shown once before the login goes on.
        await Expect(page.Locator("[data-test=recovery-code]")).ToHaveTextAsync(new Regex(@"^\S{16,}$"));
        await page.ClickAsync("[data-test=mfa-continue]");
        Assert.Equal(admin.Id, (await login.TokensAsync()).Subject);

        await LogInAgainWithTheKeyAsync(context, page, login, admin);

        var key = Assert.Single(await FactorsAsync(app, admin.Id), f => f.Type != MfaEnrollment.RecoveryCode);
        Assert.Equal((MfaEnrollment.WebAuthnRoaming, false), (key.Type, key.Discoverable));
        Assert.True(key.SignCount > 0);
        await app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        var logged = await app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<TenantLog>()
            .SearchAsync(new TenantLogQuery(UserId: admin.Id), 0, 50, CancellationToken.None);
        Assert.Contains("gd_enrollment_complete", logged.Items.Select(e => e.Type));
        Assert.Contains("gd_auth_succeed", logged.Items.Select(e => e.Type));
    }

    [Fact]
    public async Task A_u2f_security_key_enrols_with_its_fido_u2f_attestation_verified_and_answers_the_next_challenge()
    {
        var logs = new RecordedLogs();
        using var app = KestrelApp.StartOnLocalhost(services: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        var spa = await app.CreateSpaAsync();
        var admin = await CreateUserAsync(app, "Admin");
        await app.DeployAndBindAsync(("Require webauthn MFA for admins", RequireWebAuthnForAdmins));
        await using var context = await browser.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.AddU2fKeyAsync();
        var login = new BrowserLogin(page, LocalhostUrl(app), spa.ClientId);
        await login.RouteCallbackAsync();

        await login.StartAsync();
        await login.LogInWithPasswordAsync(admin.Email!);
        await page.ClickAsync("[data-test=webauthn-start]");
        await page.ClickAsync("[data-test=mfa-continue]");
        Assert.Equal(admin.Id, (await login.TokensAsync()).Subject);
        // Security keys are asked for direct attestation: the key's own fido-u2f statement is what Fido2 verified.
        Assert.Contains(logs.Lines, l => l.Contains($"User {admin.Id} enrolled a webauthn-roaming credential (fido-u2f attestation)"));
        await LogInAgainWithTheKeyAsync(context, page, login, admin);
        Assert.True(Assert.Single(await FactorsAsync(app, admin.Id), f => f.Type != MfaEnrollment.RecoveryCode).SignCount > 0);
    }

    [Fact]
    public async Task A_passkey_from_webauthn_platform_enrolment_signs_in_without_a_password_and_an_action_skips_mfa_for_it()
    {
        using var app = KestrelApp.StartOnLocalhost();
        var spa = await app.CreateSpaAsync();
        var user = await CreateUserAsync(app);
        await app.DeployFlowAsync("post-login", ("enrol this device", """
            exports.onExecutePostLogin = async (event, api) => {
              if (!event.user.enrolledFactors.some(f => f.type === 'webauthn-platform')) api.authentication.enrollWith({ type: 'webauthn-platform' });
            };
            """));
        await using var context = await browser.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.AddAuthenticatorAsync("internal");
        var login = new BrowserLogin(page, LocalhostUrl(app), spa.ClientId);
        await login.RouteCallbackAsync();
        await login.StartAsync();
        await login.LogInWithPasswordAsync(user.Email!);
        await Expect(page).ToHaveURLAsync(new Regex("/u/mfa-webauthn-enrollment"));
        await page.ClickAsync("[data-test=webauthn-start]");
        await page.ClickAsync("[data-test=mfa-continue]");
        await login.TokensAsync();

        await app.DeployFlowAsync("post-login", ("skip MFA for passkeys", """
            exports.onExecutePostLogin = async (event, api) => {
              if (event.authentication?.methods.some(m => m.name === 'passkey')) return;
              api.authentication.challengeWith({ type: 'otp' });
            };
            """), ("report", """
            exports.onExecutePostLogin = async (event, api) => {
              api.idToken.setCustomClaim('https://flowgate.test/methods', event.authentication.methods.map(m => m.name).join(','));
            };
            """));
        await context.ClearCookiesAsync();
        await login.StartAsync();
        await page.ClickAsync("[data-test=passkey-login]");
        var idToken = await login.TokensAsync();
        Assert.Equal(user.Id, idToken.Subject);
        Assert.Equal("passkey", idToken.Claims.Single(c => c.Type == "https://flowgate.test/methods").Value);

        // The same user with the password: the Action wants an authenticator app they do not have.
        await context.ClearCookiesAsync();
        await login.StartAsync();
        await login.LogInWithPasswordAsync(user.Email!);
        await Expect(page.GetByText("the application")).ToBeVisibleAsync();
        Assert.Equal("access_denied", QueryHelpers.ParseQuery(login.Callback!.Query)["error"].ToString());
        Assert.True(Assert.Single(await FactorsAsync(app, user.Id), f => f.Type != MfaEnrollment.RecoveryCode).Discoverable);
    }

    // Logged out: the next login asks for the key, and the same authenticator answers.
    private static async Task LogInAgainWithTheKeyAsync(IBrowserContext context, IPage page, BrowserLogin login, TenantUser user)
    {
        await context.ClearCookiesAsync();
        await login.StartAsync();
        await login.LogInWithPasswordAsync(user.Email!);
        await Expect(page).ToHaveURLAsync(new Regex("/u/mfa-webauthn-challenge"));
        await page.ClickAsync("[data-test=webauthn-start]");
        Assert.Equal(user.Id, (await login.TokensAsync()).Subject);
    }

    private static string LocalhostUrl(FlowgateApp app) => app.BaseUrl().Replace("127.0.0.1", "localhost");

    private static async Task<TenantUser> CreateUserAsync(FlowgateApp app, string? role = null)
    {
        var user = await app.CreateUserAsync();
        if (role is null)
            return user;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleManager<TenantRole>>().CreateAsync(new TenantRole { Name = role });
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
        await users.AddToRoleAsync((await users.FindByIdAsync(user.Id))!, role);
        return user;
    }

    private static async Task<List<MfaEnrollment>> FactorsAsync(FlowgateApp app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        return await db.MfaEnrollments.AsNoTracking().Where(e => e.UserId == userId).ToListAsync();
    }
}
