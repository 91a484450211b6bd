namespace Flowgate.Tests.Infrastructure;

/// <summary>One running host per test class; each test makes its own applications and data.</summary>
public sealed class FlowgateAppFixture : IDisposable
{
    public FlowgateApp App { get; } = new();

    public void Dispose() => App.Dispose();
}
