using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Flowgate.Runtime.Limits;

/// <summary>The database-backed request limits every module counts with.</summary>
public static class LimitsRegistration
{
    /// <summary>Adds <see cref="RateLimitCounters"/> once, whichever module asks first.</summary>
    public static IServiceCollection AddRateLimitCounters(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RateLimitCounters>();
        return services;
    }
}
