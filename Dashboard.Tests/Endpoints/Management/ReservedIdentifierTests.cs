using System.Net.Http.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>No API may take the Management API's audience, however it is spelled (the issuer here is http://localhost/).</summary>
public sealed class ReservedIdentifierTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public ReservedIdentifierTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Theory]
    [InlineData("http://localhost/api/v2/")]
    [InlineData("http://localhost/api/v2")]
    [InlineData("HTTP://LOCALHOST/API/V2/")]
    [InlineData("http://localhost:80/api/v2/")]
    [InlineData("https://localhost:443/api/v2")]
    [InlineData("http://localhost:5000/api/v2/")]
    [InlineData("http://127.0.0.1/api/v2/")]
    [InlineData("http://[::1]:8080/api/v2")]
    [InlineData("http://localhost/api/%76%32/")]
    [InlineData("api/v2/")]
    [InlineData("/api/v2")]
    public async Task Creating_an_api_with_a_spelling_of_the_management_api_is_a_conflict(string identifier)
    {
        var http = await _app.CreateManagementClientAsync();

        await (await http.PostAsJsonAsync("/api/v2/resource-servers", new { name = "Impostor", identifier })).AssertErrorAsync(409, "same identifier already exists");
    }

    [Fact]
    public async Task An_api_cannot_be_renamed_to_the_management_api_and_other_hosts_paths_stay_free()
    {
        var http = await _app.CreateManagementClientAsync();
        var own = $"https://api-{Guid.NewGuid():N}.example.com/api/v2/";
        var id = (await (await http.PostAsJsonAsync("/api/v2/resource-servers", new { name = "Elsewhere", identifier = own })).JsonAsync(201)).GetProperty("id").GetString();

        await (await http.PatchAsJsonAsync($"/api/v2/resource-servers/{id}", new { identifier = "HTTP://localhost/api/v2" })).AssertErrorAsync(409, "same identifier already exists");
    }

    [Fact]
    public async Task The_issuers_own_host_is_reserved_when_it_is_not_localhost()
    {
        using var app = new FlowgateApp(settings: new Dictionary<string, string> { ["Oidc:Issuer"] = "https://login.example.com/", ["AllowedHosts"] = "*" });
        var http = await app.CreateManagementClientAsync();

        foreach (var identifier in new[] { "https://login.example.com/api/v2/", "https://LOGIN.Example.com:443/api/v2", "http://login.example.com/api/v2/" })
            await (await http.PostAsJsonAsync("/api/v2/resource-servers", new { name = "Impostor", identifier })).AssertErrorAsync(409, "same identifier already exists");
    }
}
