using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Infrastructure;

/// <summary>
/// One host for a class of browser tests, with something on every dashboard page: a deployed post-login Action
/// that logs, a draft Action, a SPA and a machine-to-machine application, an API with scopes, a role, a user, and
/// the logs of one failed and one successful login.
/// </summary>
public sealed class SeededDashboard : IAsyncLifetime
{
    public FlowgateApp App { get; private set; } = default!;
    public string DeployedActionId { get; private set; } = "";
    public string DraftActionId { get; private set; } = "";
    public ApplicationCredentials Spa { get; private set; } = default!;
    public ApplicationCredentials Machine { get; private set; } = default!;
    public string ApiId { get; private set; } = "";
    public string RoleId { get; private set; } = "";
    public TenantUser User { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = KestrelApp.Start();
        DeployedActionId = (await App.DeployFlowAsync("post-login",
            ("Greeter", "exports.onExecutePostLogin = async (event, api) => { console.log('hello ' + event.user.email); api.idToken.setCustomClaim('https://example.com/plan', 'gold'); };")))[0];
        DraftActionId = await App.CreateActionAsync("Draft " + Guid.NewGuid().ToString("N")[..6]);
        Spa = await App.CreateSpaAsync();
        Machine = await App.CreateApplicationAsync(management: false);
        User = await App.CreateUserAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            ApiId = (await scope.ServiceProvider.GetRequiredService<ResourceServerService>().CreateAsync(new ResourceServerSettings
            {
                Name = "Orders", Identifier = "https://orders.example.com",
                Scopes = [new ResourceServerScope("read:orders", "Read orders"), new ResourceServerScope("write:orders", "Change orders")],
            }, CancellationToken.None)).Id;
            RoleId = (await scope.ServiceProvider.GetRequiredService<RoleService>().CreateAsync("Support", "Answers tickets", CancellationToken.None)).Id;
        }
        await LogInTwiceAsync();
        await App.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
    }

    // A wrong password, then the right one, as a browser would send them to the listening host.
    private async Task LogInTwiceAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(App.BaseUrl()) };
        var login = await http.GetAsync(HostedLogin.AuthorizeUrl(Spa.ClientId, HostedLogin.Verifier, "seed"));
        await HtmlForm.SubmitAsync(http, login.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Input.Email"] = User.Email!, ["Input.Password"] = "not the password",
        });
        await http.LogInAtAsync(HostedLogin.AuthorizeUrl(Spa.ClientId, HostedLogin.Verifier, "seed"), User.Email!);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
