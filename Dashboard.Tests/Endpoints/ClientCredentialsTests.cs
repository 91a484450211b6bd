using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints;

public sealed class ClientCredentialsTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public ClientCredentialsTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_management_application_gets_a_signed_jwt_for_the_management_audience()
    {
        var http = _app.CreateClient();
        var credentials = await _app.CreateApplicationAsync();

        var response = await http.RequestTokenAsync(credentials, _app.ManagementAudience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(body.GetProperty("access_token").GetString());
        Assert.Equal("RS256", jwt.Header.Alg);
        Assert.Equal([_app.ManagementAudience], jwt.Audiences);
        Assert.Equal(credentials.ClientId + "@clients", jwt.Subject);
        Assert.Equal(_app.Server.BaseAddress.ToString(), jwt.Issuer);
        Assert.Contains("read:actions", jwt.Claims.Single(c => c.Type == "scope").Value.Split(' '));
    }

    [Fact]
    public async Task Requested_scopes_narrow_the_token_to_what_the_grant_allows()
    {
        var http = _app.CreateClient();
        var credentials = await _app.CreateApplicationAsync();

        var response = await http.RequestTokenAsync(credentials, _app.ManagementAudience, "read:actions read:nonexistent");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(body.GetProperty("access_token").GetString());
        Assert.Equal("read:actions", jwt.Claims.Single(c => c.Type == "scope").Value);
    }

    [Fact]
    public async Task Auth0_style_json_token_requests_are_accepted()
    {
        var http = _app.CreateClient();
        var credentials = await _app.CreateApplicationAsync();
        var json = JsonSerializer.Serialize(new
        {
            grant_type = "client_credentials",
            client_id = credentials.ClientId,
            client_secret = credentials.ClientSecret,
            audience = _app.ManagementAudience,
        });

        var response = await http.PostAsync("/oauth/token", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_as_invalid_client()
    {
        var http = _app.CreateClient();
        var credentials = await _app.CreateApplicationAsync();

        var response = await http.RequestTokenAsync(credentials, _app.ManagementAudience, secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_unknown_audience_is_refused_with_the_reason()
    {
        var http = _app.CreateClient();
        var credentials = await _app.CreateApplicationAsync();

        var response = await http.RequestTokenAsync(credentials, "https://unknown.example.com/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("access_denied", body.GetProperty("error").GetString());
        Assert.Contains("Service not found: https://unknown.example.com/", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task An_application_without_a_grant_for_the_api_is_refused()
    {
        var http = _app.CreateClient();
        var credentials = await _app.CreateApplicationAsync(management: false);

        var response = await http.RequestTokenAsync(credentials, _app.ManagementAudience);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("client-grant", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Malformed_json_gets_a_400_with_the_reason()
    {
        var http = _app.CreateClient();

        var response = await http.PostAsync("/oauth/token", new StringContent("{\"grant_type\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        Assert.Contains("not valid JSON", body.GetProperty("error_description").GetString());
    }
}
