using System.Text.Json;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Sdk;

/// <summary>
/// Auth0's SPA SDK (npm <c>@auth0/auth0-spa-js</c>, its browser bundle, pinned in <c>Sdk/package-lock.json</c>) logs in to
/// Flowgate from an application's web origin in Chromium, unchanged: redirect, hosted login, the code exchanged from the
/// browser (CORS), the ID token checked by the SDK (iss, aud, nonce); with <c>authorizationParams.audience</c>, an access
/// token for that API.
/// </summary>
public sealed class Auth0SpaJsTests(Infrastructure.Browser browser) : IClassFixture<Infrastructure.Browser>
{
    private const string Origin = "https://spa-sdk.example.com";

    [Fact]
    public async Task The_SDK_logs_in_with_a_redirect_handles_the_callback_and_returns_the_user()
    {
        using var certificates = new LoopbackCertificates();
        using var app = KestrelApp.StartHttps(certificates.Server);
        var user = await app.CreateUserAsync();

        await using var login = await LogInWithSdkAsync(app, user.Email!, new { });

        var signedIn = JsonDocument.Parse((await login.Page.TextContentAsync("#user"))!).RootElement;
        Assert.Equal(user.Id, signedIn.GetProperty("sub").GetString());
        Assert.Equal(user.Email, signedIn.GetProperty("email").GetString());
    }

    [Fact]
    public async Task With_an_audience_the_SDK_gets_an_access_token_for_that_api_carrying_the_users_permissions()
    {
        using var certificates = new LoopbackCertificates();
        using var app = KestrelApp.StartHttps(certificates.Server);
        var user = await app.CreateUserAsync();
        var api = $"https://orders-{Guid.NewGuid():N}.example.com/";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ResourceServerService>().CreateAsync(new ResourceServerSettings
            {
                Name = "Orders", Identifier = api, EnforcePolicies = true, TokenDialect = TokenDialects.AccessTokenAuthz,
                Scopes = [new("read:orders", "Read"), new("cancel:orders", "Cancel")],
            }, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<UserPermissions>().AddAsync(PermissionGrant.UserHolder, user.Id, [new(api, "read:orders")], CancellationToken.None);
        }

        await using var login = await LogInWithSdkAsync(app, user.Email!, new { audience = api, scope = "openid profile email read:orders cancel:orders" });

        var token = TokenRequests.Payload((await login.Page.TextContentAsync("#token"))!);
        Assert.Equal(api, token.GetProperty("aud")[0].GetString());
        Assert.Equal(user.Id, token.GetProperty("sub").GetString());
        Assert.Equal(["read:orders"], token.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("openid profile email read:orders", token.GetProperty("scope").GetString());
    }

    // The SPA logs the user in with the SDK, configured with window.flowgate (domain and client id, plus `settings`).
    private async Task<SdkLogin> LogInWithSdkAsync(FlowgateApp app, string email, object settings)
    {
        var clientId = await CreateSpaAsync(app);
        await NodeSdk.EnsureInstalledAsync();
        // TLS only gives the SDK the https://{domain} it builds; this browser does not know the test authority. Chromium asks
        // the user before a public site's page calls a loopback address (Local Network Access): here Flowgate is on loopback.
        var context = await browser.Instance.NewContextAsync(new() { IgnoreHTTPSErrors = true, Permissions = ["local-network-access"] });
        var page = await context.NewPageAsync();
        // What the page logged (a CORS refusal shows only there), for a failure's message.
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue(message.Text);
        var configuration = JsonSerializer.SerializeToNode(settings)!.AsObject();
        configuration["domain"] = new Uri(app.BaseUrl()).Authority;
        configuration["clientId"] = clientId;
        await page.AddInitScriptAsync($"window.flowgate = {configuration.ToJsonString()};");
        // The test plays the application's server: its page (also at /callback) and the SDK's bundle.
        await page.RouteAsync(Origin + "/**", route => route.FulfillAsync(new()
        {
            Path = route.Request.Url.EndsWith(".js", StringComparison.Ordinal)
                ? Path.Combine(NodeSdk.Folder, "node_modules", "@auth0", "auth0-spa-js", "dist", "auth0-spa-js.production.js")
                : Path.Combine(NodeSdk.Folder, "spa-login.html"),
        }));

        await page.GotoAsync(Origin + "/");
        await page.ClickAsync("#login:enabled");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForFunctionAsync("() => document.getElementById('user')?.textContent || document.getElementById('error')?.textContent");

        Assert.True(await page.TextContentAsync("#error") == "", string.Join("\n", console));
        Assert.StartsWith(Origin + "/callback", page.Url);
        return new SdkLogin(context, page);
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

    private sealed record SdkLogin(IBrowserContext Context, IPage Page) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }
}
