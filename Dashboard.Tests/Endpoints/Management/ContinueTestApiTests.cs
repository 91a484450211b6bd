using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using static Flowgate.Tests.Endpoints.Management.ActionsApiTests;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary><c>POST .../test</c> with <c>continue</c>: the execute handler redirects, then the continue handler runs as a <c>/continue</c> call would.</summary>
public sealed class ContinueTestApiTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    internal const string Code = """
        exports.onExecutePostLogin = async (event, api) => {
          api.redirect.sendUserTo('https://verify.example/check', { query: { user: event.user.user_id } });
        };
        exports.onContinuePostLogin = async (event, api) => {
          const answer = event.request.body.answer || 'none';
          api.idToken.setCustomClaim('https://flowgate.test/verified', event.request.query.code + ':' + answer + ':' + event.request.query.state);
        };
        """;

    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task The_continue_handler_runs_after_the_redirect_with_the_given_query_body_and_the_redirects_state()
    {
        var http = await _app.CreateManagementClientAsync();
        var id = await CreateAsync(http, Unique("verify"), Code);

        var response = await http.PostAsJsonAsync($"/api/v2/actions/actions/{id}/test", new
        {
            payload = new { user = new { user_id = "auth0|42" }, request = new { ip = "203.0.113.9", query = new { } } },
            @continue = new { query = new { code = "123" }, body = new { answer = "yes" } },
        });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("redirect.sendUserTo", json.GetProperty("payload").GetProperty("commands")[0].GetProperty("method").GetString());
        var resumed = json.GetProperty("continue");
        var state = resumed.GetProperty("state").GetString()!;
        Assert.Equal($"https://verify.example/check?user=auth0%7C42&state={state}", resumed.GetProperty("redirect_url").GetString());
        var claim = resumed.GetProperty("payload").GetProperty("commands")[0];
        Assert.Equal("idToken.setCustomClaim", claim.GetProperty("method").GetString());
        Assert.Equal($"123:yes:{state}", claim.GetProperty("args")[1].GetString());
    }

    [Fact]
    public async Task An_Action_that_does_not_redirect_says_nothing_continued_and_a_plain_test_keeps_Auth0s_shape()
    {
        var http = await _app.CreateManagementClientAsync();
        var id = await CreateAsync(http, Unique("quiet"), "exports.onExecutePostLogin = async () => {}; exports.onContinuePostLogin = async () => {};");

        var withContinue = await http.PostAsJsonAsync($"/api/v2/actions/actions/{id}/test", new { payload = new { }, @continue = new { query = new { code = "1" } } });
        var plain = await http.PostAsJsonAsync($"/api/v2/actions/actions/{id}/test", new { payload = new { } });

        var resumed = (await withContinue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("continue");
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("payload").ValueKind);
        Assert.Contains("did not redirect", resumed.GetProperty("error").GetString());
        Assert.False((await plain.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("continue", out _));
    }
}
