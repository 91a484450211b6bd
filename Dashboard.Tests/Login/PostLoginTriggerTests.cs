using System.Buffers.Text;
using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login;

/// <summary>The seeds' post-login Actions, deployed and bound, running in real logins.</summary>
public sealed class PostLoginTriggerTests : IClassFixture<FlowgateAppFixture>
{
    private const string RolesToClaims = """
        exports.onExecutePostLogin = async (event, api) => {
          const namespace = 'https://my-app.example.com';
          if (event.authorization) {
            api.idToken.setCustomClaim(`${namespace}/roles`, event.authorization.roles);
            api.accessToken.setCustomClaim(`${namespace}/roles`, event.authorization.roles);
          }
          api.user.setAppMetadata('last_client', event.client.name);
        };
        """;

    private const string DenyExampleDotCom = """
        exports.onExecutePostLogin = async (event, api) => {
          if (event.user.email && event.user.email.endsWith("@blocked.example.com") && event.client.name === "My SPA") {
            api.access.deny(`Access to ${event.client.name} is not allowed.`);
          }
        };
        """;

    private readonly FlowgateApp _app;

    public PostLoginTriggerTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Bound_actions_add_role_claims_persist_metadata_and_deny_with_the_reason()
    {
        await _app.DeployFlowAsync("post-login", ("roles to claims", RolesToClaims), ("deny blocked domain", DenyExampleDotCom));
        var spa = await _app.CreateSpaAsync();
        var admin = await _app.CreateUserAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<TenantRole>>();
            await roles.CreateAsync(new TenantRole { Name = "Admin" });
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(admin.Id))!, "Admin");
        }

        var callback = await LogInAsync(spa.ClientId, admin.Email!);
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        var tokens = await Browser().PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = spa.ClientId, ["code"] = code,
            ["redirect_uri"] = EndUsers.Callback, ["code_verifier"] = Verifier,
        }));
        Assert.True(tokens.IsSuccessStatusCode, await tokens.Content.ReadAsStringAsync());
        var idToken = new JwtSecurityTokenHandler().ReadJwtToken((await tokens.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id_token").GetString());
        Assert.Equal("Admin", idToken.Claims.Single(c => c.Type == "https://my-app.example.com/roles").Value);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>().FindByIdAsync(admin.Id);
            Assert.Equal("My SPA", JsonDocument.Parse(stored!.AppMetadataJson).RootElement.GetProperty("last_client").GetString());
        }

        var blocked = await _app.CreateUserAsync(emailDomain: "blocked.example.com");
        var denied = QueryHelpers.ParseQuery((await LogInAsync(spa.ClientId, blocked.Email!)).Query);
        Assert.Equal("access_denied", denied["error"].ToString());
        Assert.Equal("Access to My SPA is not allowed.", denied["error_description"].ToString());
    }

    private static readonly string Verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private async Task<Uri> LogInAsync(string clientId, string email)
    {
        var http = Browser();
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));
        var login = await http.GetAsync($"/authorize?client_id={clientId}&response_type=code&scope=openid%20profile%20email" +
            $"&redirect_uri={Uri.EscapeDataString(EndUsers.Callback)}&state=s1&code_challenge={challenge}&code_challenge_method=S256");
        var loggedIn = await HtmlForm.SubmitAsync(http, login.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "correct horse battery",
        });
        var callback = await http.GetAsync(loggedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return callback.Headers.Location!;
    }

    private HttpClient Browser()
    {
        var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.Timeout = TimeSpan.FromSeconds(60);
        return http;
    }
}
