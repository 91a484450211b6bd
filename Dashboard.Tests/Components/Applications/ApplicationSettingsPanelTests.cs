using Bunit;
using Flowgate.Dashboard.Components.Pages.Applications;
using Flowgate.Runtime.Applications;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace Flowgate.Tests.Components.Applications;

public sealed class ApplicationSettingsPanelTests : MudComponentContext
{
    private ApplicationSettings? _saved;

    private IRenderedComponent<ApplicationSettingsPanel> RenderPanel(string appType, string method, params string[] grantTypes) => Render<ApplicationSettingsPanel>(p => p
        .Add(x => x.Application, new ApplicationDetails("c1", "My app", appType, null, ["https://app.example.com/cb"], [], [], grantTypes, method, true, DateTimeOffset.UtcNow, new Dictionary<string, string>()))
        .Add(x => x.Save, settings => { _saved = settings; return Task.FromResult(true); }));

    [Fact]
    public void A_url_that_is_not_absolute_is_named_as_typed_and_Save_is_disabled()
    {
        var panel = RenderPanel(ApplicationTypes.RegularWeb, TokenEndpointAuthMethods.ClientSecretPost, "authorization_code");

        panel.Find("textarea[data-test=settings-callbacks]").Input("https://app.example.com/cb\n/relative");

        Assert.Contains("'/relative' is not an absolute URL.", panel.Markup);
        Assert.True(panel.Find("button[data-test=save-settings]").HasAttribute("disabled"));
        panel.Find("textarea[data-test=settings-web-origins]").Input("https://app.example.com/path");
        Assert.Contains("is not an origin", panel.Markup);
    }

    [Fact]
    public void A_public_client_cannot_tick_client_credentials()
    {
        var panel = RenderPanel(ApplicationTypes.Spa, TokenEndpointAuthMethods.None, "authorization_code", "refresh_token");

        var clientCredentials = panel.Find("input[data-test=grant-client_credentials]");

        Assert.True(clientCredentials.HasAttribute("disabled"));
        Assert.Contains("cannot use client_credentials", panel.Markup);
    }

    [Fact]
    public async Task Saving_sends_one_url_per_line_and_the_grant_types_in_auth0s_order()
    {
        var panel = RenderPanel(ApplicationTypes.RegularWeb, TokenEndpointAuthMethods.ClientSecretPost, "refresh_token");

        panel.Find("textarea[data-test=settings-callbacks]").Input(" https://a.example.com/cb \n\nhttps://b.example.com/cb");
        panel.Find("input[data-test=grant-client_credentials]").Change(true);
        panel.Find("input[data-test=grant-authorization_code]").Change(true);
        await panel.Find("button[data-test=save-settings]").ClickAsync(new());

        Assert.Equal(["https://a.example.com/cb", "https://b.example.com/cb"], _saved!.Callbacks);
        Assert.Equal(["authorization_code", "refresh_token", "client_credentials"], _saved.GrantTypes);
        Assert.Equal("My app", _saved.Name);
    }
}
