using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Runtime.Jobs;

public static class UserJobsRegistration
{
    /// <summary>Auth0's user import and export jobs, run by a background queue on each instance.</summary>
    public static IServiceCollection AddUserJobs(this IServiceCollection services)
    {
        services.AddSingleton<UserJobQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<UserJobQueue>());
        services.AddScoped<UserJobService>();
        services.AddScoped<UserImport>();
        services.AddScoped<ImportCompletionMail>();
        services.AddScoped<UserExport>();
        return services;
    }
}
