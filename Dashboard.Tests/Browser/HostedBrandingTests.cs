using System.Text.Json.Nodes;
using Flowgate.Runtime.Branding;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

/// <summary>
/// The hosted login as an end user sees it in Chromium: the tenant's logo (loaded under the page's content security
/// policy) and colour, the French texts for ui_locales=fr with the application's name, a show-password button that
/// works, and the password rules on signup before anything has failed.
/// </summary>
public sealed class HostedBrandingTests(Infrastructure.Browser browser) : IClassFixture<Infrastructure.Browser>
{
    // A 1×1 PNG: the logo the "CDN" serves.
    private static readonly byte[] Logo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPhfDwAEhAG/ZrDWcwAAAABJRU5ErkJggg==");

    [Fact]
    public async Task The_login_page_wears_the_branding_speaks_french_names_the_app_and_helps_with_the_password()
    {
        using var app = KestrelApp.Start();
        var spa = await app.CreateSpaAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BrandingSettings>().SetAsync(new()
            {
                PrimaryColor = "#0059d6", PageBackground = "#101820", LogoUrl = "https://cdn.example.test/logo.png",
            }, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<PromptTexts>().SetAsync("login", "fr", new JsonObject
            {
                ["login"] = new JsonObject { ["title"] = "Bienvenue", ["description"] = "Connectez-vous à ${clientName} pour continuer." },
            }, CancellationToken.None);
        }
        await using var context = await browser.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync("https://cdn.example.test/**", route => route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = Logo }));

        await page.GotoAsync(app.BaseUrl() + HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s1") + "&ui_locales=fr");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bienvenue");
        await Assertions.Expect(page.Locator("[data-test=page-description]")).ToHaveTextAsync("Connectez-vous à My SPA pour continuer.");
        var logo = page.Locator("[data-test=brand-logo]");
        await Assertions.Expect(logo).ToHaveAttributeAsync("alt", "My SPA");
        // Loaded, not blocked by the content security policy: a blocked image has no natural size.
        Assert.Equal(1, await logo.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : -1"));
        Assert.Equal("rgb(0, 89, 214)", await page.Locator("button[type=submit]").EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        Assert.Equal("rgb(16, 24, 32)", await page.Locator("main.hosted-page").EvaluateAsync<string>("m => getComputedStyle(m).backgroundColor"));

        var password = page.Locator("#password");
        var toggle = page.Locator("[data-test=show-password]");
        await password.FillAsync("a secret value");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await toggle.ClickAsync();
        await Assertions.Expect(password).ToHaveAttributeAsync("type", "text");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", "Hide password");
        Assert.Equal("a secret value", await password.InputValueAsync());
        await toggle.ClickAsync();
        await Assertions.Expect(password).ToHaveAttributeAsync("type", "password");
        await Assertions.Expect(password).ToHaveAttributeAsync("autocomplete", "current-password");

        await page.Locator("[data-test=signup-link]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=password-rules]")).ToContainTextAsync("At least 8 characters");
        await Assertions.Expect(page.Locator("[data-test=signup-error]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-test=show-password]")).ToBeVisibleAsync();
    }
}
