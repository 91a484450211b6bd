using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Tests.Endpoints;

/// <summary>
/// A custom claim an Action sets reaches the ID token and the access token with the JSON value the Action gave it, as
/// on Auth0, and <c>/userinfo</c> answers it the same: through the authorization code and the refresh token, an array of
/// one stays an array and null stays null.
/// </summary>
public sealed class ClaimJsonTypesTests : IClassFixture<FlowgateAppFixture>
{
    private const string Ns = "https://types.example.com/";
    private readonly FlowgateApp _app;

    public ClaimJsonTypesTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Theory]
    [InlineData("string", "'Admin'", "\"Admin\"")]
    [InlineData("integer", "42", "42")]
    [InlineData("decimal", "1.5", "1.5")]
    [InlineData("boolean", "true", "true")]
    [InlineData("false", "false", "false")]
    [InlineData("null", "null", "null")]
    [InlineData("array", "['Admin', 2, false]", "[\"Admin\",2,false]")]
    [InlineData("one-element-array", "['Admin']", "[\"Admin\"]")]
    [InlineData("empty-array", "[]", "[]")]
    [InlineData("object", "({ plan: 'gold', seats: 3, tags: ['a'], owner: { id: 7, active: true, note: null } })",
        "{\"plan\":\"gold\",\"seats\":3,\"tags\":[\"a\"],\"owner\":{\"id\":7,\"active\":true,\"note\":null}}")]
    public async Task A_claim_keeps_its_json_type_in_the_id_token_the_access_token_and_userinfo_also_after_a_refresh(string name, string js, string expected)
    {
        await _app.DeployAndBindAsync(("claim " + name, $$"""
            exports.onExecutePostLogin = async (event, api) => {
              api.idToken.setCustomClaim('{{Ns}}{{name}}', {{js}});
              api.accessToken.setCustomClaim('{{Ns}}{{name}}', {{js}});
            };
            """));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var http = _app.CreateBrowserClient();

        var callback = await http.LogInAtAsync(HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s1").Replace("scope=openid", "scope=openid%20offline_access"), user.Email!);
        var tokens = await http.RedeemCodeAsync(spa.ClientId, QueryHelpers.ParseQuery(callback.Query)["code"].ToString());
        var refreshed = await http.RefreshAsync(spa.ClientId, tokens);

        foreach (var token in new[] { tokens, refreshed }.SelectMany(t => new[] { t.GetProperty("id_token"), t.GetProperty("access_token") }))
        {
            var payload = TokenRequests.Payload(token.GetString()!);
            Assert.True(payload.TryGetProperty(Ns + name, out var claim), payload.GetRawText());
            Assert.Equal(expected, claim.GetRawText());
        }
        foreach (var token in new[] { tokens, refreshed })
        {
            var userInfo = await http.UserInfoAsync(token);
            Assert.True(userInfo.TryGetProperty(Ns + name, out var claim), userInfo.GetRawText());
            Assert.Equal(expected, claim.GetRawText());
        }
    }
}
