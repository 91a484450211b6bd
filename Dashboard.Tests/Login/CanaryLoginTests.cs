using System.Net;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Actions.Canaries;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login;

/// <summary>
/// A login under a canary finishes on the version it started with: the version is picked when the flow starts and the
/// suspended flow carries it, so <c>/continue</c> runs that version's <c>onContinuePostLogin</c>, not a fresh pick.
/// </summary>
public sealed class CanaryLoginTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    private static string Code(string tag) => $$"""
        exports.onExecutePostLogin = async (event, api) => {
          api.redirect.sendUserTo('https://check.example.com/', { query: { started: '{{tag}}' } });
        };
        exports.onContinuePostLogin = async (event, api) => {
          api.idToken.setCustomClaim('https://flowgate.test/continued', '{{tag}}');
        };
        """;

    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task Each_login_continues_on_the_version_that_started_it_and_both_versions_serve_logins()
    {
        var id = (await _app.DeployFlowAsync("post-login", ("canary login", Code("v1"))))[0];
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ActionService>().UpdateDraftAsync(id, new ActionUpdateRequest { Code = Code("v2") }, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ActionCanaries>().StartAsync(id, new CanarySettings(Percent: 50), "test", force: false, CancellationToken.None);
        }
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();

        var started = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var http = _app.CreateBrowserClient();
            var outside = await http.LogInAsync(spa.ClientId, user.Email!);
            var query = QueryHelpers.ParseQuery(outside.Query);
            var back = await http.GetAsync($"/continue?state={query["state"]}");
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
            var callback = (await http.GetAsync(back.Headers.Location)).Headers.Location!;
            var idToken = await http.ExchangeCodeAsync(spa.ClientId, QueryHelpers.ParseQuery(callback.Query)["code"].ToString());

            Assert.Equal(query["started"].ToString(), idToken.Claims.Single(c => c.Type == "https://flowgate.test/continued").Value);
            started.Add(query["started"].ToString());
        }
        // 20 logins at 50 % all on one version would be a one-in-half-a-million chance.
        Assert.Contains("v1", started);
        Assert.Contains("v2", started);
    }
}
