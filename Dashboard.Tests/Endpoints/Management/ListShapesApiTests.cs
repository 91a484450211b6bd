using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>Lists answer in Auth0's shapes, and features Flowgate lacks answer as an Auth0 tenant that never used them.</summary>
public sealed class ListShapesApiTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public ListShapesApiTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Apis_page_with_totals_and_client_grants_page_by_checkpoint()
    {
        var http = await _app.CreateManagementClientAsync();
        var audience = $"https://shapes-{Guid.NewGuid():N}.example.com";
        (await http.PostAsJsonAsync("/api/v2/resource-servers", new { name = "Shapes", identifier = audience, scopes = new[] { new { value = "read:x", description = "x" } } })).EnsureSuccessStatusCode();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var client = await (await http.PostAsJsonAsync("/api/v2/clients", new { name = "shape", app_type = "non_interactive" })).JsonAsync(201);
            (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = client.GetProperty("client_id").GetString(), audience, scope = new[] { "read:x" } })).EnsureSuccessStatusCode();
        }

        var apis = await http.GetFromJsonAsync<JsonElement>("/api/v2/resource-servers?include_totals=true&per_page=1&page=1");
        var first = await http.GetFromJsonAsync<JsonElement>($"/api/v2/client-grants?audience={Uri.EscapeDataString(audience)}&take=2");
        var rest = await http.GetFromJsonAsync<JsonElement>($"/api/v2/client-grants?audience={Uri.EscapeDataString(audience)}&take=2&from={first.GetProperty("next").GetString()}");
        var totals = await http.GetFromJsonAsync<JsonElement>($"/api/v2/client-grants?audience={Uri.EscapeDataString(audience)}&include_totals=true");

        Assert.Equal((1, 1), (apis.GetProperty("start").GetInt32(), apis.GetProperty("limit").GetInt32()));
        Assert.True(apis.GetProperty("total").GetInt32() >= 2);
        Assert.Single(apis.GetProperty("resource_servers").EnumerateArray());
        Assert.Equal(2, first.GetProperty("client_grants").GetArrayLength());
        Assert.Equal(1, rest.GetProperty("client_grants").GetArrayLength());
        Assert.False(rest.TryGetProperty("next", out _));
        var ids = first.GetProperty("client_grants").EnumerateArray().Concat(rest.GetProperty("client_grants").EnumerateArray()).Select(g => g.GetProperty("id").GetString());
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(3, totals.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Features_flowgate_lacks_answer_empty_or_default_and_refuse_a_change()
    {
        var http = await _app.CreateManagementClientAsync();

        var rules = await http.GetFromJsonAsync<JsonElement>("/api/v2/rules?include_totals=true&page=0&per_page=100");
        var connections = await http.GetFromJsonAsync<JsonElement>("/api/v2/connections?take=50");
        var settings = await http.GetFromJsonAsync<JsonElement>("/api/v2/tenants/settings");
        var unchanged = await http.PatchAsJsonAsync("/api/v2/tenants/settings", new { enabled_locales = new[] { "en" } });
        var changed = await http.PatchAsJsonAsync("/api/v2/tenants/settings", new { enabled_locales = new[] { "fr" } });
        var bots = await http.GetAsync("/api/v2/attack-protection/bot-detection");

        Assert.Equal((0, 0), (rules.GetProperty("total").GetInt32(), rules.GetProperty("rules").GetArrayLength()));
        Assert.Equal("auth0", connections.GetProperty("connections").EnumerateArray().Single().GetProperty("strategy").GetString());
        Assert.Equal("en", settings.GetProperty("enabled_locales")[0].GetString());
        Assert.True(unchanged.IsSuccessStatusCode);
        await changed.AssertErrorAsync(400, "only its defaults are accepted (enabled_locales differ)");
        await bots.AssertErrorAsync(403, "not available on this tenant");
    }
}
