using Flowgate.Runtime.Sandbox;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>One in-process sandbox shared by a test class (isolates are per tenant, so tests stay independent).</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public V8ActionSandbox Sandbox { get; } = new(new SandboxOptions { MaxHeapMegabytes = 64, MaxArrayBufferBytes = 16 << 20 });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}
