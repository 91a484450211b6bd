using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints;

/// <summary>The credentials-exchange (Machine to Machine) flow running at the client credentials grant.</summary>
public sealed class CredentialsExchangeTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public CredentialsExchangeTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task An_action_adds_a_claim_and_drops_a_scope_but_cannot_replace_the_subject_or_see_the_secret()
    {
        await _app.DeployFlowAsync("credentials-exchange", ("tier claim", """
            exports.onExecuteCredentialsExchange = async (event, api) => {
              api.accessToken.setCustomClaim('https://flowgate.test/tier', event.client.name.startsWith('test') ? 'gold' : 'none');
              api.accessToken.setCustomClaim('https://flowgate.test/body', Object.keys(event.request.body).sort().join(','));
              api.accessToken.setCustomClaim('https://flowgate.test/api', event.resource_server.identifier);
              api.accessToken.setCustomClaim('sub', 'someone-else');
              api.transaction.removeTargetScope('delete:actions');
            };
            """));
        var credentials = await _app.CreateApplicationAsync();

        var response = await _app.CreateClient().RequestTokenAsync(credentials, _app.ManagementAudience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        Assert.Equal("gold", jwt.Claims.Single(c => c.Type == "https://flowgate.test/tier").Value);
        Assert.Equal("audience,client_id,grant_type", jwt.Claims.Single(c => c.Type == "https://flowgate.test/body").Value);
        Assert.Equal(_app.ManagementAudience, jwt.Claims.Single(c => c.Type == "https://flowgate.test/api").Value);
        Assert.Equal(credentials.ClientId + "@clients", jwt.Subject);
        var scopes = jwt.Claims.Single(c => c.Type == "scope").Value.Split(' ');
        Assert.Contains("read:actions", scopes);
        Assert.DoesNotContain("delete:actions", scopes);
    }

    [Fact]
    public async Task A_deny_reaches_the_client_as_the_oauth_error_the_action_chose()
    {
        await _app.DeployFlowAsync("credentials-exchange", ("no tokens", """
            exports.onExecuteCredentialsExchange = async (event, api) => {
              api.access.deny('invalid_scope', `No tokens for ${event.client.name.split(' ')[0]} clients`);
            };
            """));

        var response = await _app.CreateClient().RequestTokenAsync(await _app.CreateApplicationAsync(), _app.ManagementAudience);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_scope", body.GetProperty("error").GetString());
        Assert.Equal("No tokens for test clients", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task An_action_that_throws_fails_the_request_with_its_error_class_but_not_its_message_and_issues_no_token()
    {
        await _app.DeployFlowAsync("credentials-exchange", ("broken", """
            exports.onExecuteCredentialsExchange = async (event, api) => { throw new TypeError('internal detail ' + event.client.client_id); };
            """));

        var response = await _app.CreateClient().RequestTokenAsync(await _app.CreateApplicationAsync(), _app.ManagementAudience);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.TryGetProperty("access_token", out _));
        Assert.Equal("server_error", body.GetProperty("error").GetString());
        Assert.Contains("TypeError", body.GetProperty("error_description").GetString());
        Assert.DoesNotContain("internal detail", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task An_action_reads_in_the_next_grant_what_it_cached_in_the_one_before()
    {
        var key = "api-token-" + Guid.NewGuid().ToString("N")[..8];
        await _app.DeployFlowAsync("credentials-exchange", ("cached token", $$"""
            exports.onExecuteCredentialsExchange = async (event, api) => {
              const hit = api.cache.get('{{key}}');
              if (!hit) api.cache.set('{{key}}', 'from the first grant');
              api.accessToken.setCustomClaim('https://flowgate.test/cached', hit ? hit.value : 'nothing yet');
            };
            """));
        var credentials = await _app.CreateApplicationAsync();

        var first = await CachedClaimAsync(credentials);
        var second = await CachedClaimAsync(credentials);

        Assert.Equal("nothing yet", first);
        Assert.Equal("from the first grant", second);
    }

    private async Task<string> CachedClaimAsync(Flowgate.Runtime.Applications.ApplicationCredentials credentials)
    {
        var response = await _app.CreateClient().RequestTokenAsync(credentials, _app.ManagementAudience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        return jwt.Claims.Single(c => c.Type == "https://flowgate.test/cached").Value;
    }
}
