using System.Net;
using System.Net.Http.Json;
using Flowgate.Runtime.Applications;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints;

/// <summary>Browser applications may call the protocol endpoints from their web origins, and only those.</summary>
public sealed class CorsTests : IClassFixture<FlowgateAppFixture>
{
    private const string SpaOrigin = "https://spa-cors.example.com";
    private readonly FlowgateApp _app;

    public CorsTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_listed_web_origin_passes_the_token_endpoints_preflight_and_others_get_no_cors_headers()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ApplicationService>().CreateAsync(new ApplicationSettings
            {
                Name = "CORS SPA", AppType = ApplicationTypes.Spa, Callbacks = [SpaOrigin + "/callback"], WebOrigins = [SpaOrigin],
            }, CancellationToken.None);
        var http = _app.CreateClient();

        var listed = await http.SendAsync(Preflight("/oauth/token", SpaOrigin));
        var stranger = await http.SendAsync(Preflight("/oauth/token", "https://evil.example.com"));
        var dashboard = await http.SendAsync(Preflight("/api/v2/users", SpaOrigin));
        var discovery = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration") { Headers = { { "Origin", SpaOrigin } } });

        Assert.Equal(HttpStatusCode.NoContent, listed.StatusCode);
        Assert.Equal(SpaOrigin, listed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(listed.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(dashboard.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(SpaOrigin, discovery.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task A_callback_urls_origin_is_allowed_a_look_alike_is_not_and_an_origin_added_works_at_once()
    {
        var (callbackOrigin, added) = ($"https://cb-{Guid.NewGuid():N}.example.com", $"https://added-{Guid.NewGuid():N}.example.com");
        await using var scope = _app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();
        var app = await applications.CreateAsync(new ApplicationSettings
        {
            Name = "Callback SPA", AppType = ApplicationTypes.Spa, Callbacks = [callbackOrigin + "/callback"],
        }, CancellationToken.None);
        var http = _app.CreateClient();

        var fromCallback = await http.SendAsync(Preflight("/oauth/token", callbackOrigin));
        var lookAlike = await http.SendAsync(Preflight("/oauth/token", callbackOrigin + ".evil.net"));
        var beforeAdding = await http.SendAsync(Preflight("/oauth/token", added));
        await applications.UpdateAsync(app.Application.ClientId, new ApplicationSettings { WebOrigins = [added] }, CancellationToken.None);
        var afterAdding = await http.SendAsync(Preflight("/oauth/token", added));

        Assert.Equal(callbackOrigin, fromCallback.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(lookAlike.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(beforeAdding.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(added, afterAdding.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Allowed_origins_set_through_the_management_api_work_at_once_and_stop_at_once_when_removed()
    {
        var origin = $"https://allowed-{Guid.NewGuid():N}.example.com";
        var management = await _app.CreateManagementClientAsync();
        var app = await _app.CreateSpaAsync();
        var http = _app.CreateClient();

        var before = await http.SendAsync(Preflight("/oauth/token", origin));
        var patched = await (await management.PatchAsJsonAsync($"/api/v2/clients/{app.ClientId}", new { allowed_origins = new[] { origin } })).JsonAsync();
        var added = await http.SendAsync(Preflight("/oauth/token", origin));
        await management.PatchAsJsonAsync($"/api/v2/clients/{app.ClientId}", new { allowed_origins = Array.Empty<string>() });
        var removed = await http.SendAsync(Preflight("/oauth/token", origin));
        var invalid = await management.PatchAsJsonAsync($"/api/v2/clients/{app.ClientId}", new { allowed_origins = new[] { origin + "/path" } });

        Assert.False(before.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal([origin], patched.GetProperty("allowed_origins").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(origin, added.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(removed.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    private static HttpRequestMessage Preflight(string path, string origin) => new(HttpMethod.Options, path)
    {
        Headers = { { "Origin", origin }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "content-type" } },
    };
}
