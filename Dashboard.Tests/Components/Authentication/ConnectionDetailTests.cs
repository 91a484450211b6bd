using Bunit;
using Flowgate.Dashboard.Components.Pages.Authentication;
using Flowgate.Runtime.Connections;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Components.Authentication;

/// <summary>The connection page on the real tenant: enabling it for an application puts its button on that application's login page.</summary>
public sealed class ConnectionDetailTests(FlowgateAppFixture fixture) : MudComponentContext, IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task Enabling_an_application_saves_it_and_its_login_page_offers_the_connection()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(scope.ServiceProvider);
        var connections = scope.ServiceProvider.GetRequiredService<ConnectionService>();
        var spa = await _app.CreateSpaAsync();
        var name = "gh-" + Guid.NewGuid().ToString("N")[..8];
        var connection = await connections.CreateAsync(new ConnectionSettings
        {
            Name = name, Strategy = ConnectionStrategies.GitHub, DisplayName = "GitHub", Options = new() { ["client_id"] = "id", ["client_secret"] = "secret" },
        }, CancellationToken.None);
        var loginPage = "/u/login?returnUrl=" + Uri.EscapeDataString($"/authorize?client_id={spa.ClientId}&response_type=code");
        var before = await _app.CreateClient().GetStringAsync(loginPage);

        var page = Render<ConnectionDetail>(p => p.Add(x => x.Id, connection.Id));
        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Applications").Click();
        page.Find($"input[data-test=enable-{spa.ClientId}]").Change(true);
        await page.Find("button[data-test=save-connection-applications]").ClickAsync(new());

        Assert.Contains(spa.ClientId, (await connections.GetAsync(connection.Id, CancellationToken.None)).EnabledClients);
        Assert.DoesNotContain($"data-test=\"connection-{name}\"", before);
        Assert.Contains($"data-test=\"connection-{name}\"", await _app.CreateClient().GetStringAsync(loginPage));
    }
}
