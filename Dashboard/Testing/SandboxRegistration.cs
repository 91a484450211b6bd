using Flowgate.Dashboard.Components.Pages.Actions;
using Flowgate.Dashboard.Components.Pages.Flows;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Sandbox.Worker;

namespace Flowgate.Dashboard.Testing;

/// <summary>
/// The sandbox Actions run in: supervised worker processes started from this build (V8 can abort its
/// process; a worker's death fails only its executions), plus the editor's and flow designer's test runners.
/// </summary>
internal static class SandboxRegistration
{
    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IActionSandbox>(_ =>
        {
            var options = SandboxWorkerOptions.ForAssembly(typeof(Program).Assembly.Location);
            options.Validate();
            return new SandboxSupervisor(options);
        });
        builder.Services.AddSingleton<FlowExecutor>();
        builder.Services.AddScoped<IActionTestRunner, ActionTestRunner>();
        builder.Services.AddScoped<IFlowTestRunner, FlowTestRunner>();
        return builder;
    }
}
