using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>Unknown body properties are refused with Auth0's 400, at the top level and inside nested objects, on every kind of body.</summary>
public sealed class UnknownPropertiesTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public UnknownPropertiesTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Theory]
    [InlineData("POST", "/api/v2/roles", """{"name":"r-unknown","foo":1}""", "Payload validation error: 'Additional properties not allowed: foo'.")]
    [InlineData("POST", "/api/v2/clients", """{"name":"c","colour":"red"}""", "Payload validation error: 'Additional properties not allowed: colour'.")]
    [InlineData("POST", "/api/v2/resource-servers", """{"name":"n","identifier":"https://unknown.example.com","scopes":[{"value":"read:x","level":2}]}""",
        "Payload validation error: 'Additional properties not allowed: level' on property scopes[0].")]
    [InlineData("POST", "/api/v2/actions/actions", """{"name":"a","supported_triggers":[{"id":"post-login","version":"v3","extra":true}]}""",
        "Payload validation error: 'Additional properties not allowed: extra' on property supported_triggers[0].")]
    [InlineData("PATCH", "/api/v2/users/auth0|none", """{"nickname":"n","emial":"typo@example.com"}""", "Payload validation error: 'Additional properties not allowed: emial'.")]
    public async Task An_unknown_property_gets_auth0s_400_and_changes_nothing(string method, string path, string body, string message)
    {
        var http = await _app.CreateManagementClientAsync();

        var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

        Assert.Equal(400, (int)response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, error.GetProperty("statusCode").GetInt32());
        Assert.Equal("Bad Request", error.GetProperty("error").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal("invalid_body", error.GetProperty("errorCode").GetString());
        if (path == "/api/v2/roles")
            Assert.DoesNotContain("r-unknown", await http.GetStringAsync("/api/v2/roles"));
    }

    [Fact]
    public async Task Metadata_keeps_any_keys_and_what_auth0s_tools_send_back_is_accepted()
    {
        var http = await _app.CreateManagementClientAsync();

        var created = await http.PostAsJsonAsync("/api/v2/clients", new
        {
            name = "round trip", client_metadata = new { anything = "goes" }, oidc_conformant = true, jwt_configuration = new { alg = "RS256" },
        });

        Assert.Equal(201, (int)created.StatusCode);
        Assert.Equal("goes", (await created.JsonAsync(201)).GetProperty("client_metadata").GetProperty("anything").GetString());
    }
}
