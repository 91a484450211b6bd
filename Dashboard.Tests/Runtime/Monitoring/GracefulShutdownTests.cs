using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Runtime.Monitoring;

/// <summary>Records and log events are written after the request answered; a graceful stop writes what is still queued.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Events_still_queued_when_the_server_stops_are_in_the_database_after_it_stopped()
    {
        const int count = 3_000;
        var type = "t" + Guid.NewGuid().ToString("N")[..8];
        string databasePath;
        using (var app = new FlowgateApp())
        {
            databasePath = app.DatabasePath;
            var recorder = app.Services.GetRequiredService<ExecutionRecorder>();
            for (var i = 0; i < count; i++)
                recorder.Log(new TenantLogEvent { Id = TenantLogEvent.NewId(), TenantId = "default", Type = type, Date = DateTimeOffset.UtcNow, Description = $"event {i}" });
        }

        using var restarted = new FlowgateApp(databasePath);
        await using var db = await restarted.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        Assert.Equal(count, await db.LogEvents.CountAsync(e => e.Type == type));
    }
}
