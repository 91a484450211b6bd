using Flowgate.Runtime.Limits;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Runtime.Mfa;

/// <summary>Multi-factor authentication: factor storage, TOTP, phone codes, recovery codes, WebAuthn credentials and the tenant's enabled factors.</summary>
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
        services.AddScoped<PhoneCodes>();
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section)
            .Validate(o => o.Problem() is null, "Mfa:Sms: limits must be positive and the cool-down not negative.").ValidateOnStart();
        services.AddRateLimitCounters();
        services.AddSingleton<SmsLimits>();
        services.AddScoped<MfaSettings>();
        return services;
    }
}
