using System.Buffers.Text;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Tests.Endpoints;

/// <summary>
/// A custom claim an Action sets reaches the ID token with the JSON type the Action gave it, as on Auth0.
/// Not yet (issue #16): an array of one element (OpenIddict writes it as its element) and null (written as an empty string).
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
    [InlineData("array", "['Admin', 2, false]", "[\"Admin\",2,false]")]
    [InlineData("object", "({ plan: 'gold', seats: 3 })", "{\"plan\":\"gold\",\"seats\":3}")]
    public async Task A_claim_keeps_its_json_type_in_the_id_token(string name, string js, string expected)
    {
        await _app.DeployAndBindAsync(("claim " + name, $$"""
            exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('{{Ns}}{{name}}', {{js}}); };
            """));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();

        var callback = await _app.LogInAsync(spa.ClientId, user.Email!);
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        var idToken = await _app.CreateBrowserClient().ExchangeCodeAsync(spa.ClientId, code);

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(idToken.RawPayload));
        Assert.True(payload.RootElement.TryGetProperty(Ns + name, out var claim), payload.RootElement.GetRawText());
        Assert.Equal(expected, claim.GetRawText());
    }
}
