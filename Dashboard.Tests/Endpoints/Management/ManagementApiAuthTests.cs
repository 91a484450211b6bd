using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints.Management;

public sealed class ManagementApiAuthTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public ManagementApiAuthTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_token_from_the_token_endpoint_is_accepted()
    {
        var http = await _app.CreateManagementClientAsync();

        var response = await http.GetAsync("/api/v2/resource-servers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apis = await response.Content.ReadFromJsonAsync<JsonElement>();
        var management = apis.EnumerateArray().Single(a => a.GetProperty("is_system").GetBoolean());
        Assert.Equal(_app.ManagementAudience, management.GetProperty("identifier").GetString());
    }

    [Fact]
    public async Task The_trigger_list_names_every_trigger_with_its_version()
    {
        var http = await _app.CreateManagementClientAsync(scope: "read:actions");

        var body = await http.GetFromJsonAsync<JsonElement>("/api/v2/actions/triggers");

        var triggers = body.GetProperty("triggers").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("version").GetString());
        Assert.Equal("v3", triggers["post-login"]);
        Assert.Equal(8, triggers.Count);
        Assert.Contains("send-phone-message", triggers.Keys);
    }

    [Fact]
    public async Task No_token_gets_a_401_in_auth0s_shape()
    {
        var response = await _app.CreateClient().GetAsync("/api/v2/resource-servers");

        await AssertErrorAsync(response, 401, "Unauthorized", "Missing authentication");
    }

    [Fact]
    public async Task A_forged_token_gets_a_401()
    {
        var http = _app.CreateClient();
        // A well-formed JWT signed with a key this server never issued.
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhdHRhY2tlciIsImF1ZCI6Imh0dHA6Ly9sb2NhbGhvc3QvYXBpL3YyLyIsInNjb3BlIjoicmVhZDphY3Rpb25zIn0.c2lnbmF0dXJl");

        var response = await http.GetAsync("/api/v2/resource-servers");

        await AssertErrorAsync(response, 401, "Unauthorized", "Invalid token");
    }

    [Fact]
    public async Task A_token_without_the_scope_gets_a_403_naming_it()
    {
        var http = await _app.CreateManagementClientAsync(scope: "read:actions");

        var response = await http.GetAsync("/api/v2/resource-servers");

        await AssertErrorAsync(response, 403, "Forbidden", "Insufficient scope, expected any of: read:resource_servers");
    }

    [Fact]
    public async Task An_unknown_management_path_gets_a_json_404()
    {
        var http = await _app.CreateManagementClientAsync();

        var response = await http.GetAsync("/api/v2/no-such-thing");

        await AssertErrorAsync(response, 404, "Not Found", "Not Found");
    }

    [Fact]
    public async Task A_method_the_path_does_not_take_gets_a_405_naming_the_ones_it_does()
    {
        var http = await _app.CreateManagementClientAsync();

        var response = await http.PutAsync("/api/v2/roles", JsonContent.Create(new { name = "r" }));

        await AssertErrorAsync(response, 405, "Method Not Allowed", "PUT is not allowed on /api/v2/roles; it takes GET, HEAD, POST.");
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_a_415_with_the_reason()
    {
        var http = await _app.CreateManagementClientAsync();

        var response = await http.PostAsync("/api/v2/roles", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "r" }));

        await AssertErrorAsync(response, 415, "Unsupported Media Type",
            "The body must be JSON (content-type: application/json), not 'application/x-www-form-urlencoded'.");
    }

    [Theory]
    [InlineData("{\"name\": 5}", "Payload validation error: the value at '$.name' has the wrong type.")]
    [InlineData("{\"name\": ", "Payload validation error: the body is not valid JSON: Expected depth to be zero at the end of the JSON payload.")]
    [InlineData("", "Payload validation error: the request needs a JSON body.")]
    public async Task A_malformed_body_gets_a_400_with_the_reason_and_no_server_type_names(string body, string reason)
    {
        var http = await _app.CreateManagementClientAsync();

        var response = await http.PostAsync("/api/v2/roles", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()!;
        Assert.StartsWith(reason, message);
        Assert.DoesNotContain("Flowgate", message);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, int status, string error, string message)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(message, body.GetProperty("message").GetString());
    }
}
