using Flowgate.Runtime.Flows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Runtime.Actions;

/// <summary>Registers the Action library, deploys and flows.</summary>
public static class ActionsRegistration
{
    public static IServiceCollection AddActions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DependencyOptions>().Bind(configuration.GetSection(DependencyOptions.Section));
        services.AddHttpClient<DependencyPinner>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<ActionSecretProtector>();
        services.AddSingleton<ActionCodeValidator>();
        services.AddScoped<ActionService>();
        services.AddScoped<ActionDeployer>();
        services.AddScoped<BindingService>();
        services.AddScoped<DeployedFlowLoader>();
        services.AddScoped<DraftRunner>();
        return services;
    }
}
