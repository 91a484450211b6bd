using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

public sealed class UserManagementTests : IClassFixture<Infrastructure.Browser>
{
    private readonly IBrowser _browser;

    public UserManagementTests(Infrastructure.Browser browser) => _browser = browser.Instance;

    [Fact]
    public async Task An_admin_creates_a_user_and_a_role_and_assigns_the_role()
    {
        using var app = KestrelApp.Start();
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;
        var email = $"jane-{Guid.NewGuid():N}"[..13] + "@example.com";
        var roleName = "Support " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync(app.BaseUrl() + "/users");
        await page.ClickAsync("[data-test=create-user]");
        await page.Locator("input[data-test=new-user-email]").FillAsync(email);
        await page.Locator("input[data-test=new-user-password]").FillAsync("short");
        await page.ClickAsync("[data-test=create-user-submit]");
        await Assertions.Expect(page.Locator("[data-test=create-user-error]")).ToContainTextAsync("This password is too weak. Password needs: at least 8 characters.");
        // A sentence for a person: the API's error code stays in the API.
        await Assertions.Expect(page.Locator("[data-test=create-user-error]")).Not.ToContainTextAsync("PasswordStrengthError");
        await page.Locator("input[data-test=new-user-password]").FillAsync("correct horse battery");
        await page.ClickAsync("[data-test=create-user-submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = email })).ToBeVisibleAsync();

        await page.GotoAsync(app.BaseUrl() + "/roles");
        await page.ClickAsync("[data-test=create-role]");
        await page.Locator("input[data-test=new-role-name]").FillAsync(roleName);
        await page.ClickAsync("[data-test=create-role-submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = roleName })).ToBeVisibleAsync();

        await page.GotoAsync(app.BaseUrl() + "/users");
        await page.Locator("input[data-test=user-search]").FillAsync(email);
        await page.Locator("[data-test=user-link]", new() { HasText = email }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=no-roles]")).ToBeVisibleAsync();
        // The select opens only in an interactive circuit, which also enables the page's buttons.
        await page.Locator("[data-test=toggle-block]:enabled").WaitForAsync();
        await page.Locator("[data-test=role-to-assign]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = roleName }).ClickAsync();
        await page.ClickAsync("[data-test=assign-role]");
        await Assertions.Expect(page.Locator("[data-test=user-role]")).ToContainTextAsync(roleName);

        await page.Locator("[data-test=user-role] a", new() { HasText = roleName }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=role-user]")).ToHaveTextAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TenantUser>>();
        Assert.Equal([roleName], await users.GetRolesAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task An_admin_sees_a_users_authenticator_and_resets_it()
    {
        using var app = KestrelApp.Start();
        var user = await app.CreateUserAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var enrollments = scope.ServiceProvider.GetRequiredService<Flowgate.Runtime.Mfa.MfaEnrollments>();
            var start = (await enrollments.BeginOtpAsync(user.Id, user.Email!, CancellationToken.None))!;
            var code = Flowgate.Runtime.Mfa.Totp.Code(Flowgate.Runtime.Mfa.Base32.Decode(start.Secret), Flowgate.Runtime.Mfa.Totp.TimeStep(DateTimeOffset.UtcNow));
            Assert.NotNull((await enrollments.ConfirmOtpAsync(user.Id, code, CancellationToken.None)).RecoveryCode);
        }
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;

        await page.GotoAsync(app.BaseUrl() + "/users/" + Uri.EscapeDataString(user.Id));
        await Assertions.Expect(page.Locator("[data-test=user-factor]", new() { HasText = "Authenticator app" })).ToContainTextAsync("enrolled");
        await page.ClickAsync("[data-test=reset-factors]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=no-factors]")).ToBeVisibleAsync();
        await using var check = app.Services.CreateAsyncScope();
        Assert.Empty(await check.ServiceProvider.GetRequiredService<Flowgate.Runtime.Mfa.MfaEnrollments>().ListAsync(user.Id, CancellationToken.None));
    }
}
