using Bunit;
using Flowgate.Dashboard.Components.Pages.Apis;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Components.Apis;

/// <summary>The Permissions section of the role and user pages, and the API page's RBAC settings, on the real tenant.</summary>
public sealed class HeldPermissionsPanelTests(FlowgateAppFixture fixture) : MudComponentContext, IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task A_user_sees_direct_and_role_permissions_with_their_source_and_removes_only_the_direct_one_here()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
        var services = scope.ServiceProvider;
        var api = $"https://panel-{Guid.NewGuid():N}.example.com";
        await services.GetRequiredService<ResourceServerService>().CreateAsync(new ResourceServerSettings
        {
            Name = "Panel API", Identifier = api, Scopes = [new("read:panel", "Read"), new("write:panel", "Write")],
        }, CancellationToken.None);
        var role = await services.GetRequiredService<RoleService>().CreateAsync($"Panel role {Guid.NewGuid():N}", null, CancellationToken.None);
        var user = await _app.CreateUserAsync();
        var permissions = services.GetRequiredService<UserPermissions>();
        await permissions.AddAsync(PermissionGrant.RoleHolder, role.Id, [new PermissionRef(api, "read:panel")], CancellationToken.None);
        await permissions.AddAsync(PermissionGrant.UserHolder, user.Id, [new PermissionRef(api, "write:panel")], CancellationToken.None);
        await services.GetRequiredService<RoleAssignments>().AssignRolesAsync(user.Id, [role.Id], CancellationToken.None);

        var userPanel = Render<HeldPermissionsPanel>(p => p.Add(x => x.HolderKind, PermissionGrant.UserHolder).Add(x => x.HolderId, user.Id));
        var rolePanel = Render<HeldPermissionsPanel>(p => p.Add(x => x.HolderKind, PermissionGrant.RoleHolder).Add(x => x.HolderId, role.Id));

        var rows = userPanel.FindAll("[data-test=held-permission]");
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.TextContent.Contains("write:panel") && r.TextContent.Contains("directly"));
        Assert.Contains(rows, r => r.TextContent.Contains("read:panel") && r.TextContent.Contains($"role {role.Name}"));
        Assert.Single(userPanel.FindAll("[data-test=remove-permission]"));
        Assert.Contains("read:panel", rolePanel.Find("[data-test=held-permission]").TextContent);

        await userPanel.Find("[data-test=remove-permission]").ClickAsync(new());

        userPanel.WaitForAssertion(() => Assert.Single(userPanel.FindAll("[data-test=held-permission]")));
        var left = await permissions.OfUserAsync(user.Id, 0, 10, CancellationToken.None);
        Assert.Equal(["read:panel"], left.Items.Select(p => p.PermissionName));
    }

    [Fact]
    public async Task The_api_pages_rbac_tab_saves_enforce_policies_token_dialect_and_offline_access()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
        var apis = scope.ServiceProvider.GetRequiredService<ResourceServerService>();
        var api = await apis.CreateAsync(new ResourceServerSettings { Name = "RBAC API", Identifier = $"https://rbac-{Guid.NewGuid():N}.example.com" }, CancellationToken.None);
        var page = Render<ApiDetail>(p => p.Add(x => x.Id, api.Id));

        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "RBAC").Click();
        page.Find("input[data-test=api-enforce-policies]").Change(true);
        page.Find("input[data-test=api-token-dialect]").Change(true);
        page.Find("input[data-test=api-allow-offline-access]").Change(true);
        await page.Find("button[data-test=save-rbac]").ClickAsync(new());

        var saved = await apis.GetAsync(api.Id, CancellationToken.None);
        Assert.Equal((true, TokenDialects.AccessTokenAuthz, true), (saved.EnforcePolicies, saved.TokenDialect, saved.AllowOfflineAccess));
    }

    [Fact]
    public void Rbac_settings_add_permissions_to_the_token_only_with_rbac_on()
    {
        var api = new ResourceServer { Id = "rs", TenantId = "t", Name = "A", Identifier = "https://a.example.com" };

        var form = ApiRbacForm.From(api);
        form.AddPermissions = true;
        var withoutRbac = form.ToSettings();
        form.EnforcePolicies = true;
        form.AllowOfflineAccess = true;
        var withRbac = form.ToSettings();

        Assert.Equal((false, TokenDialects.AccessToken), (withoutRbac.EnforcePolicies!.Value, withoutRbac.TokenDialect));
        Assert.Equal((true, TokenDialects.AccessTokenAuthz, true), (withRbac.EnforcePolicies!.Value, withRbac.TokenDialect, withRbac.AllowOfflineAccess!.Value));
    }
}
