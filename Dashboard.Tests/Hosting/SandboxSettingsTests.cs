using System.Diagnostics;
using Flowgate.Runtime.Sandbox;
using Flowgate.Shared.Execution;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Runtime.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Hosting;

public sealed class SandboxSettingsTests
{
    [Fact]
    public async Task The_operators_sandbox_settings_reach_the_workers()
    {
        using var app = new FlowgateApp(settings: new Dictionary<string, string> { ["Sandbox:DefaultTimeout"] = "00:00:01" });
        var sandbox = app.Services.GetRequiredService<IActionSandbox>();
        var clock = Stopwatch.StartNew();

        var result = await sandbox.ExecuteAsync(ActionRequests.PostLogin("exports.onExecutePostLogin = async () => { for (;;) {} };"), CancellationToken.None);

        Assert.Equal(ActionErrorClass.ActionTimeout, result.Error?.Class);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the 1 s deadline took {clock.Elapsed}: the 20 s default applied");
    }

    [Fact]
    public void A_sandbox_setting_out_of_range_stops_the_start_with_its_name()
    {
        using var app = new FlowgateApp(settings: new Dictionary<string, string> { ["Sandbox:MaxHeapMegabytes"] = "1" });

        var refused = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("Sandbox:MaxHeapMegabytes must be at least 16.", refused.ToString());
    }
}
