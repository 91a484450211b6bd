using Flowgate.Dashboard.Components.Pages.Actions;
using Flowgate.Dashboard.Components.Pages.Flows;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Sandbox.Worker;
using Flowgate.Runtime.Store;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Testing;

/// <summary>
/// The sandbox Actions run in: supervised worker processes started from this build (V8 can abort its
/// process; a worker's death fails only its executions), plus the editor's and flow designer's test runners.
/// </summary>
internal static class SandboxRegistration
{
    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        // The operator's limits and fetch policy (section Sandbox) travel to every worker; a value out of range stops the start.
        var sandbox = builder.Configuration.GetSection("Sandbox").Get<SandboxOptions>() ?? new SandboxOptions();
        sandbox.Validate();
        builder.Services.AddSingleton<IActionSandbox>(services =>
        {
            // Workers also get the host's data directory and registry: they load the npm packages a save installed from the same cache.
            sandbox.DataDirectory = services.GetRequiredService<DataDirectory>().Path;
            sandbox.NpmRegistry = services.GetRequiredService<IOptions<DependencyOptions>>().Value.Registry;
            var options = SandboxWorkerOptions.ForAssembly(typeof(Program).Assembly.Location, sandbox);
            options.Validate();
            return new SandboxSupervisor(options);
        });
        builder.Services.AddSingleton<FlowExecutor>();
        builder.Services.AddScoped<TriggerRunner>();
        builder.Services.AddScoped<IActionTestRunner, ActionTestRunner>();
        builder.Services.AddScoped<IFlowTestRunner, FlowTestRunner>();
        return builder;
    }
}
