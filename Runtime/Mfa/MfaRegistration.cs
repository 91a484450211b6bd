using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Runtime.Mfa;

/// <summary>Multi-factor authentication: factor storage, TOTP and recovery codes.</summary>
public static class MfaRegistration
{
    public static IServiceCollection AddMfa(this IServiceCollection services)
    {
        services.AddSingleton<MfaSecrets>();
        services.AddScoped<MfaVerifier>();
        services.AddScoped<MfaEnrollments>();
        return services;
    }
}
