using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Runtime.Monitoring;

public sealed class ActionMetricsTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    [Fact]
    public async Task Executions_failures_and_p50_p95_durations_over_the_last_hour_and_day_come_from_the_execution_records()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var action = await scope.ServiceProvider.GetRequiredService<ActionService>()
            .CreateAsync(new ActionCreateRequest { Name = "metrics " + Guid.NewGuid().ToString("N")[..6], TriggerId = "post-login" }, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        // Within the hour: 10 to 100 ms, two of them failed; five hours ago: three of 1 s, one failed; two days ago: one, out of both windows.
        var runs = Enumerable.Range(1, 10).Select(i => Run(action.Id, now.AddMinutes(-i * 5 + 2), i * 10, failed: i <= 2))
            .Concat(Enumerable.Range(0, 3).Select(i => Run(action.Id, now.AddHours(-5), 1000, failed: i == 0)))
            .Append(Run(action.Id, now.AddDays(-2), 5, failed: true))
            .Append(Run("another-action", now.AddMinutes(-1), 7, failed: true));
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync())
        {
            db.Executions.AddRange(runs);
            await db.SaveChangesAsync();
        }
        var metrics = scope.ServiceProvider.GetRequiredService<ActionMetrics>();

        var hour = await metrics.GetAsync(action.Id, TimeSpan.FromHours(1), 12, CancellationToken.None);
        var day = await metrics.GetAsync(action.Id, TimeSpan.FromDays(1), 24, CancellationToken.None);

        Assert.Equal((10, 2, 50d, 100d), (hour.Executions, hour.Failures, hour.P50Ms, hour.P95Ms));
        Assert.Equal(12, hour.Buckets.Count);
        Assert.Equal(10, hour.Buckets.Sum(b => b.Executions));
        Assert.Equal((13, 3, 70d, 1000d), (day.Executions, day.Failures, day.P50Ms, day.P95Ms));
        Assert.Equal(3, day.Buckets[18].Executions);
    }

    [Fact]
    public async Task An_Action_without_executions_has_zero_counts_and_no_percentiles()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var action = await scope.ServiceProvider.GetRequiredService<ActionService>()
            .CreateAsync(new ActionCreateRequest { Name = "idle " + Guid.NewGuid().ToString("N")[..6], TriggerId = "post-login" }, CancellationToken.None);

        var hour = await scope.ServiceProvider.GetRequiredService<ActionMetrics>().GetAsync(action.Id, TimeSpan.FromHours(1), 12, CancellationToken.None);

        Assert.Equal((0, 0, (double?)null, (double?)null), (hour.Executions, hour.Failures, hour.P50Ms, hour.P95Ms));
    }

    private static ExecutionRecord Run(string actionId, DateTimeOffset startedAt, int milliseconds, bool failed)
    {
        var id = Guid.NewGuid().ToString();
        return new ExecutionRecord
        {
            Id = id, TenantId = "default", TriggerId = "post-login", Status = failed ? "partial" : "final", CreatedAt = startedAt, UpdatedAt = startedAt,
            Results =
            [
                new ExecutionActionResult
                {
                    ExecutionId = id, ActionId = actionId, ActionName = "a", Status = failed ? "failed" : "success", ErrorClass = failed ? "action_error" : null,
                    StartedAt = startedAt, EndedAt = startedAt.AddMilliseconds(milliseconds),
                },
            ],
        };
    }
}
