using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Sandbox.Worker;
using Flowgate.Shared.Execution;

namespace Flowgate.Tests.Runtime.Sandbox.Packages;

/// <summary>Packages through real worker processes: the worker installs into, and loads from, the data directory it is given.</summary>
public sealed class PackageWorkerTests(PackageRegistryFixture fixture) : IClassFixture<PackageRegistryFixture>
{
    [Fact]
    public async Task A_worker_installs_and_runs_an_action_that_requires_a_package()
    {
        var options = SandboxWorkerOptions.ForAssembly(Path.Combine(AppContext.BaseDirectory, "Flowgate.Dashboard.dll"), fixture.Options());
        options.WorkerCount = 1;
        await using var supervisor = new SandboxSupervisor(options);
        var request = ActionRequests.PostLogin("""
            const _ = require('lodashy');
            exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('c', _.chunk(['a', 'b', 'c'], 2)); };
            """) with { Dependencies = [new ActionDependency("lodashy", "4.17.21")] };

        Assert.Null(await supervisor.PrepareAsync(request, CancellationToken.None));
        var result = await supervisor.ExecuteAsync(request, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("""["c",[["a","b"],["c"]]]""", result.Commands.Single().Args());
        Assert.True(result.Stats.Warm);
        Assert.True(File.Exists(Path.Combine(fixture.DataDirectory, "npm", "lodashy", "4.17.21", "installed.json")));
    }
}
