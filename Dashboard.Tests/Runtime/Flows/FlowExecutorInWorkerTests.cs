using Flowgate.Runtime.Sandbox;
using Flowgate.Tests.Runtime.Sandbox.Worker;

namespace Flowgate.Tests.Runtime.Flows;

/// <summary>The flow cases through a worker process, as the server runs them: a flow of several Actions is one trip there.</summary>
public sealed class FlowExecutorInWorkerTests(WorkerSandboxFixture fixture) : FlowExecutorCases, IClassFixture<WorkerSandboxFixture>
{
    protected override IActionSandbox Sandbox => fixture.Sandbox;
}
