using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Login.Branding;

/// <summary>
/// Auth0's <c>/api/v2/prompts</c>: it tells the truth about the login page (no identifier-first, refused when asked),
/// and <c>webauthn_platform_first_factor</c> shows or hides the login page's passkey button for this tenant.
/// </summary>
public sealed class PromptSettingsTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    private const string PasskeyButton = "data-test=\"passkey-login\"";
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task Turning_off_the_platform_first_factor_hides_the_passkey_button_and_is_read_back()
    {
        var api = await _app.CreateManagementClientAsync("read:prompts update:prompts");
        var spa = await _app.CreateSpaAsync();
        var initial = await api.GetFromJsonAsync<JsonObject>("/api/v2/prompts");
        Assert.Equal("""{"universal_login_experience":"new","identifier_first":false,"webauthn_platform_first_factor":true}""", initial!.ToJsonString());
        Assert.Contains(PasskeyButton, await LoginPageAsync(spa.ClientId));

        try
        {
            var off = await api.PatchAsJsonAsync("/api/v2/prompts", new JsonObject { ["webauthn_platform_first_factor"] = false, ["identifier_first"] = false });
            Assert.False((await off.JsonAsync()).GetProperty("webauthn_platform_first_factor").GetBoolean());
            Assert.False((await api.GetFromJsonAsync<JsonObject>("/api/v2/prompts"))!["webauthn_platform_first_factor"]!.GetValue<bool>());
            var page = await LoginPageAsync(spa.ClientId);
            Assert.DoesNotContain(PasskeyButton, page);
            Assert.Contains("id=\"password\"", page);

            // A PATCH without the property leaves it as it is.
            var unchanged = await api.PatchAsJsonAsync("/api/v2/prompts", new JsonObject { ["universal_login_experience"] = "new" });
            Assert.False((await unchanged.JsonAsync()).GetProperty("webauthn_platform_first_factor").GetBoolean());
        }
        finally
        {
            (await api.PatchAsJsonAsync("/api/v2/prompts", new JsonObject { ["webauthn_platform_first_factor"] = true })).EnsureSuccessStatusCode();
        }
        Assert.Contains(PasskeyButton, await LoginPageAsync(spa.ClientId));
    }

    [Theory]
    [InlineData("""{"identifier_first":true}""", "'identifier_first' can only be false")]
    [InlineData("""{"universal_login_experience":"classic"}""", "'universal_login_experience' can only be \"new\"")]
    [InlineData("""{"webauthn_platform_first_factor":"yes"}""", "has the wrong type")]
    [InlineData("""{"identifier_first":false,"colors":{}}""", "Additional properties not allowed: colors")]
    public async Task Settings_flowgate_does_not_have_wrong_types_and_unknown_properties_are_400s(string body, string reason)
    {
        var api = await _app.CreateManagementClientAsync("read:prompts update:prompts");

        var response = await api.PatchAsync("/api/v2/prompts", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(400, reason);
        Assert.True((await api.GetFromJsonAsync<JsonObject>("/api/v2/prompts"))!["webauthn_platform_first_factor"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Reading_needs_read_prompts_and_writing_needs_update_prompts()
    {
        var reader = await _app.CreateManagementClientAsync("read:prompts");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v2/prompts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PatchAsJsonAsync("/api/v2/prompts", new JsonObject { ["webauthn_platform_first_factor"] = false })).StatusCode);
        var other = await _app.CreateManagementClientAsync("read:users");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v2/prompts")).StatusCode);
    }

    private async Task<string> LoginPageAsync(string clientId)
    {
        var http = _app.CreateBrowserClient();
        var authorize = await http.GetAsync(HostedLogin.AuthorizeUrl(clientId, HostedLogin.Verifier, "s1"));
        return await http.GetStringAsync(authorize.Headers.Location);
    }
}
