using Flowgate.Runtime.Sandbox;
using Flowgate.Tests.Runtime.Sandbox;

namespace Flowgate.Tests.Runtime.Flows;

/// <summary>The flow cases against the in-process sandbox: the executor calls it once per Action.</summary>
public sealed class FlowExecutorTests(SandboxFixture fixture) : FlowExecutorCases, IClassFixture<SandboxFixture>
{
    protected override IActionSandbox Sandbox => fixture.Sandbox;
}
