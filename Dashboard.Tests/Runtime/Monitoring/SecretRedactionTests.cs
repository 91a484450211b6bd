using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Monitoring;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Runtime.Monitoring;

/// <summary>Secrets are write-only: an Action that prints one or puts it in a command leaves only its name in the record.</summary>
public sealed class SecretRedactionTests : IClassFixture<FlowgateAppFixture>
{
    private const string Key = "sk_live_0123456789abcdef";
    private readonly FlowgateApp _app;

    public SecretRedactionTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_test_run_of_the_draft_shows_the_secrets_name_not_its_value()
    {
        var id = await CreateLeakyActionAsync();
        await using var scope = _app.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<DraftRunner>().RunAsync(id, Flowgate.Runtime.Triggers.TriggerCatalog.Get("post-login").SampleEventJson, CancellationToken.None);

        Assert.Equal(["calling with [secret API_KEY]"], result.Logs);
        Assert.Equal("""["k","[secret API_KEY]"]""", result.Commands.Single().Args.GetRawText());
    }

    [Fact]
    public async Task A_secret_an_action_logs_or_sends_is_recorded_as_its_name_only()
    {
        var id = await CreateLeakyActionAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ActionDeployer>().DeployAsync(id, "test", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<BindingService>().ReplaceAsync("post-login", [new BindingReference(BindingRefType.ActionId, id)], null, CancellationToken.None);
        }
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        Assert.False(string.IsNullOrEmpty(QueryHelpers.ParseQuery((await _app.LogInAsync(spa.ClientId, user.Email!)).Query)["code"].ToString()));
        await _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);

        await using var read = _app.Services.CreateAsyncScope();
        var login = (await read.ServiceProvider.GetRequiredService<TenantLog>().SearchAsync(new TenantLogQuery(UserId: user.Id, Type: "s"), 0, 1, CancellationToken.None)).Items.Single();
        var result = (await read.ServiceProvider.GetRequiredService<ExecutionLog>().GetAsync(login.ExecutionId!, CancellationToken.None)).Results.Single();

        Assert.Equal("calling with [secret API_KEY]", result.Logs);
        Assert.Contains("[secret API_KEY]", result.CommandsJson);
        Assert.DoesNotContain(Key, result.Logs + result.CommandsJson);
    }

    private async Task<string> CreateLeakyActionAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ActionService>().CreateAsync(new ActionCreateRequest
        {
            Name = "leaky " + Guid.NewGuid().ToString("N")[..6], TriggerId = "post-login",
            Code = "exports.onExecutePostLogin = async (event, api) => { console.log('calling with ' + event.secrets.API_KEY); api.user.setAppMetadata('k', event.secrets.API_KEY); };",
            Secrets = [new SecretInput("API_KEY", Key)],
        }, CancellationToken.None)).Id;
    }
}
