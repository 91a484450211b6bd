using System.Text.Json;
using Flowgate.Runtime.Applications;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Sdk;

/// <summary>
/// Auth0's SPA SDK (npm <c>@auth0/auth0-spa-js</c>, its browser bundle, pinned in <c>Sdk/package-lock.json</c>) logs in to
/// Flowgate from an application's web origin in Chromium, unchanged: redirect, hosted login, the code exchanged from the
/// browser (CORS), the ID token checked by the SDK (iss, aud, nonce).
/// </summary>
public sealed class Auth0SpaJsTests(Infrastructure.Browser browser) : IClassFixture<Infrastructure.Browser>
{
    private const string Origin = "https://spa-sdk.example.com";

    [Fact]
    public async Task The_SDK_logs_in_with_a_redirect_handles_the_callback_and_returns_the_user()
    {
        using var certificates = new LoopbackCertificates();
        using var app = KestrelApp.StartHttps(certificates.Server);
        var clientId = await CreateSpaAsync(app);
        var user = await app.CreateUserAsync();
        await NodeSdk.EnsureInstalledAsync();
        // TLS only gives the SDK the https://{domain} it builds; this browser does not know the test authority. Chromium asks
        // the user before a public site's page calls a loopback address (Local Network Access): here Flowgate is on loopback.
        await using var context = await browser.Instance.NewContextAsync(new() { IgnoreHTTPSErrors = true, Permissions = ["local-network-access"] });
        var page = await context.NewPageAsync();
        // What the page logged (a CORS refusal shows only there), for a failure's message.
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue(message.Text);
        await page.AddInitScriptAsync($"window.flowgate = {JsonSerializer.Serialize(new { domain = new Uri(app.BaseUrl()).Authority, clientId })};");
        // The test plays the application's server: its page (also at /callback) and the SDK's bundle.
        await page.RouteAsync(Origin + "/**", route => route.FulfillAsync(new()
        {
            Path = route.Request.Url.EndsWith(".js", StringComparison.Ordinal)
                ? Path.Combine(NodeSdk.Folder, "node_modules", "@auth0", "auth0-spa-js", "dist", "auth0-spa-js.production.js")
                : Path.Combine(NodeSdk.Folder, "spa-login.html"),
        }));

        await page.GotoAsync(Origin + "/");
        await page.ClickAsync("#login:enabled");
        await page.FillAsync("#email", user.Email!);
        await page.FillAsync("#password", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('user')?.textContent || document.getElementById('error')?.textContent");

        Assert.True(await page.TextContentAsync("#error") == "", string.Join("\n", console));
        Assert.StartsWith(Origin + "/callback", page.Url);
        var signedIn = JsonDocument.Parse((await page.TextContentAsync("#user"))!).RootElement;
        Assert.Equal(user.Id, signedIn.GetProperty("sub").GetString());
        Assert.Equal(user.Email, signedIn.GetProperty("email").GetString());
    }

    private static async Task<string> CreateSpaAsync(FlowgateApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApplicationService>().CreateAsync(new ApplicationSettings
        {
            Name = "SDK SPA", AppType = ApplicationTypes.Spa, Callbacks = [Origin + "/callback"], WebOrigins = [Origin], LogoutUrls = [Origin + "/"],
        }, CancellationToken.None);
        return created.Application.ClientId;
    }
}
