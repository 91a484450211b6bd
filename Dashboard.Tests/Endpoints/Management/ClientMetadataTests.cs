using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>Applications' <c>client_metadata</c> through the Management API, read by Actions as <c>event.client.metadata</c>.</summary>
public sealed class ClientMetadataTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public ClientMetadataTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Client_metadata_is_set_read_limited_and_reaches_the_credentials_exchange_action()
    {
        await _app.DeployFlowAsync("credentials-exchange", ("tier from metadata", """
            exports.onExecuteCredentialsExchange = async (event, api) => {
              api.accessToken.setCustomClaim('https://flowgate.test/tier', event.client.metadata.tier || 'none');
            };
            """));
        var http = await _app.CreateManagementClientAsync();
        var credentials = await _app.CreateApplicationAsync();

        var patched = await (await http.PatchAsJsonAsync($"/api/v2/clients/{credentials.ClientId}", new { client_metadata = new { tier = "gold" } })).JsonAsync();
        var tooMany = await http.PatchAsJsonAsync($"/api/v2/clients/{credentials.ClientId}",
            new { client_metadata = Enumerable.Range(0, 11).ToDictionary(i => $"k{i}", i => "v") });
        var response = await _app.CreateClient().RequestTokenAsync(credentials, _app.ManagementAudience);

        Assert.Equal("gold", patched.GetProperty("client_metadata").GetProperty("tier").GetString());
        await tooMany.AssertErrorAsync(400, "at most 10 keys");
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        Assert.Equal("gold", jwt.Claims.Single(c => c.Type == "https://flowgate.test/tier").Value);
    }
}
