using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
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
        await _app.DeployAndBindAsync(("roles to claims", RolesToClaims), ("deny blocked domain", DenyExampleDotCom));
        var spa = await _app.CreateSpaAsync();
        var admin = await _app.CreateUserAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<TenantRole>>();
            await roles.CreateAsync(new TenantRole { Name = "Admin" });
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(admin.Id))!, "Admin");
        }

        var callback = await _app.LogInAsync(spa.ClientId, admin.Email!);
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        var idToken = await _app.CreateBrowserClient().ExchangeCodeAsync(spa.ClientId, code);
        Assert.Equal("Admin", idToken.Claims.Single(c => c.Type == "https://my-app.example.com/roles").Value);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>().FindByIdAsync(admin.Id);
            Assert.Equal("My SPA", JsonDocument.Parse(stored!.AppMetadataJson).RootElement.GetProperty("last_client").GetString());
        }

        var blocked = await _app.CreateUserAsync(emailDomain: "blocked.example.com");
        var denied = QueryHelpers.ParseQuery((await _app.LogInAsync(spa.ClientId, blocked.Email!)).Query);
        Assert.Equal("access_denied", denied["error"].ToString());
        Assert.Equal("Access to My SPA is not allowed.", denied["error_description"].ToString());
    }
}
