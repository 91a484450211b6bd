using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Sandbox.Cache;
using Flowgate.Runtime.Sandbox.Worker;

namespace Flowgate.Tests.Runtime.Sandbox.Worker;

/// <summary>One worker process shared by a test class, behind the <c>api.cache</c> decorator, as the server composes them.</summary>
public sealed class WorkerSandboxFixture : IAsyncLifetime
{
    internal SandboxSupervisor Supervisor { get; } = SandboxSupervisorTests.Supervisor();

    public IActionSandbox Sandbox => field ??= new CachingSandbox(Supervisor, new ActionCaches(TimeProvider.System));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Supervisor.DisposeAsync();
}
