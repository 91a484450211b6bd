using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Sandbox.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Infrastructure;

/// <summary>A host whose Actions run in real sandbox workers with a deadline of the test's choosing instead of Auth0's 20 s.</summary>
internal static class WorkerSandboxApp
{
    public static FlowgateApp WithDeadline(TimeSpan deadline) =>
        new(services: services => services.AddSingleton<IActionSandbox>(new SandboxSupervisor(
            SandboxWorkerOptions.ForAssembly(Path.Combine(AppContext.BaseDirectory, "Flowgate.Dashboard.dll"), new SandboxOptions { DefaultTimeout = deadline }))));
}
