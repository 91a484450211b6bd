using Flowgate.Dashboard.Components.Pages.Actions;
using Flowgate.Dashboard.Components.Pages.Flows;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Sandbox.Cache;
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
        // Worker count, quarantine and watchdog (section Sandbox:Workers), checked at start too.
        var options = SandboxWorkerOptions.ForAssembly(typeof(Program).Assembly.Location, sandbox);
        builder.Configuration.GetSection("Sandbox:Workers").Bind(options);
        options.Validate();
        builder.Services.AddSingleton(services => new ActionCaches(services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IActionSandbox>(services =>
        {
            // Workers also get the host's data directory and registry: they load the npm packages a save installed from the same cache.
            sandbox.DataDirectory = services.GetRequiredService<DataDirectory>().Path;
            sandbox.NpmRegistry = services.GetRequiredService<IOptions<DependencyOptions>>().Value.Registry;
            // api.cache lives in this process and reaches every worker through the executions (ADR 0008).
            return new CachingSandbox(new SandboxSupervisor(options), services.GetRequiredService<ActionCaches>());
        });
        builder.Services.AddSingleton<FlowExecutor>();
        builder.Services.AddScoped<TriggerRunner>();
        builder.Services.AddScoped<ActionTestRunner>();
        builder.Services.AddScoped<IActionTestRunner>(sp => sp.GetRequiredService<ActionTestRunner>());
        builder.Services.AddScoped<IContinueTestRunner>(sp => sp.GetRequiredService<ActionTestRunner>());
        builder.Services.AddScoped<IFlowTestRunner, FlowTestRunner>();
        return builder;
    }
}
