using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Runtime.Monitoring;

/// <summary>Registers execution records: the recorder, its background writer, retention and reads.</summary>
public static class MonitoringRegistration
{
    public static IServiceCollection AddExecutionRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExecutionLogOptions>().Bind(configuration.GetSection(ExecutionLogOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExecutionRecorder>();
        services.AddSingleton<ExecutionRetention>();
        services.AddHostedService<ExecutionLogWriter>();
        services.AddScoped<ExecutionLog>();
        services.AddScoped<TenantLog>();
        services.AddScoped<ActionMetrics>();
        return services;
    }
}
