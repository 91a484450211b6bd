using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Store;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Runtime.Monitoring;

public sealed class ExecutionRecordingTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    [Fact]
    public async Task Records_past_the_ten_day_retention_are_purged_with_their_results_and_newer_ones_stay()
    {
        var (old, recent) = (Record(DateTimeOffset.UtcNow.AddDays(-11)), Record(DateTimeOffset.UtcNow.AddDays(-9)));
        var contexts = fixture.App.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Executions.AddRange(old, recent);
            await db.SaveChangesAsync();
        }

        var purged = await fixture.App.Services.GetRequiredService<ExecutionRetention>().PurgeAsync(CancellationToken.None);

        Assert.True(purged >= 1);
        await using var check = await contexts.CreateDbContextAsync();
        Assert.Equal([recent.Id], await check.Executions.Where(e => e.Id == old.Id || e.Id == recent.Id).Select(e => e.Id).ToListAsync());
        Assert.Equal([recent.Id], await check.ExecutionResults.Where(r => r.ExecutionId == old.Id || r.ExecutionId == recent.Id).Select(r => r.ExecutionId).ToListAsync());
    }

    [Fact]
    public async Task A_login_goes_on_when_its_execution_cannot_be_stored()
    {
        using var app = new FlowgateApp();
        await app.DeployAndBindAsync(("claims", "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://example.com/k', 1); };"));
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync())
            await db.Database.ExecuteSqlRawAsync("DROP TABLE ExecutionResults; DROP TABLE Executions;");
        var spa = await app.CreateSpaAsync();

        var callback = QueryHelpers.ParseQuery((await app.LogInAsync(spa.ClientId, (await app.CreateUserAsync()).Email!)).Query);

        Assert.False(string.IsNullOrEmpty(callback["code"].ToString()), callback.ToString());
        // The failed write was logged and the writer lives on: the queue still drains.
        await app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
    }

    [Fact]
    public void A_suspended_flow_is_recorded_as_suspended_at_the_Action_that_asked()
    {
        var request = new FlowExecutionRequest { TenantId = "t", TriggerId = "post-login", EventJson = "{}", Actions = [] };
        var result = new FlowExecutionResult
        {
            Status = FlowStatus.Suspended,
            Actions = [Ran("first", new ActionExecutionResult()), Ran("mfa", new ActionExecutionResult())],
        };

        var record = ExecutionRecorder.ToRecord(request, result);

        Assert.Equal("suspended", record.Status);
        Assert.Equal(["success", "suspended"], record.Results.Select(r => r.Status));
    }

    private static FlowActionResult Ran(string name, ActionExecutionResult result) => new()
    {
        ActionId = "act_" + name, ActionName = name, VersionId = "ver_" + name, Handler = "onExecutePostLogin", Result = result,
        StartedAt = DateTimeOffset.UtcNow, EndedAt = DateTimeOffset.UtcNow,
    };

    private static ExecutionRecord Record(DateTimeOffset createdAt)
    {
        var id = Guid.NewGuid().ToString();
        return new ExecutionRecord
        {
            Id = id, TenantId = "default", TriggerId = "post-login", Status = "final", CreatedAt = createdAt, UpdatedAt = createdAt,
            Results = [new ExecutionActionResult { ExecutionId = id, ActionId = "act", ActionName = "a", Status = "success", StartedAt = createdAt, EndedAt = createdAt }],
        };
    }
}
