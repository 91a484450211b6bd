using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Sandbox.Packages;
using Flowgate.Runtime.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Actions;

/// <summary>Registers the Action library, deploys and flows.</summary>
public static class ActionsRegistration
{
    public static IServiceCollection AddActions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DependencyOptions>().Bind(configuration.GetSection(DependencyOptions.Section));
        // One package cache under the data directory, shared with the sandbox workers (see SandboxOptions).
        services.AddSingleton(sp => PackageInstaller.Create(
            sp.GetRequiredService<IOptions<DependencyOptions>>().Value.Registry, sp.GetRequiredService<DataDirectory>().Path));
        services.AddSingleton<DependencyPinner>();
        services.AddSingleton<ActionSecretProtector>();
        services.AddSingleton<ActionCodeValidator>();
        services.AddScoped<ActionService>();
        services.AddScoped<ActionDeployer>();
        services.AddScoped<BindingService>();
        services.AddSingleton<DeployedVersionCache>();
        services.AddSingleton<DeployedFlowCache>();
        services.AddScoped<DeployedFlowLoader>();
        services.AddSingleton<Canaries.CanaryTransitions>();
        services.AddSingleton<CanaryGuard>();
        services.AddScoped<Canaries.ActionCanaries>();
        services.AddScoped<DraftRunner>();
        services.AddScoped<SavedTests.SavedTestSuite>();
        return services;
    }
}
