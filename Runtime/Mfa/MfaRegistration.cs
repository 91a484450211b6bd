using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Runtime.Mfa;

/// <summary>Multi-factor authentication: factor storage, TOTP, recovery codes and WebAuthn credentials.</summary>
public static class MfaRegistration
{
    public static IServiceCollection AddMfa(this IServiceCollection services)
    {
        services.AddSingleton<MfaSecrets>();
        services.AddScoped<MfaVerifier>();
        services.AddScoped<MfaEnrollments>();
        services.AddMemoryCache();
        services.AddSingleton<WebAuthn.WebAuthnChallenges>();
        services.AddScoped<WebAuthn.WebAuthnCredentials>();
        return services;
    }
}
