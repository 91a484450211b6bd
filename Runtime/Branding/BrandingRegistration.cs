using Flowgate.Runtime.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Flowgate.Runtime.Branding;

/// <summary>How the hosted pages look and read: branding and custom texts per prompt and language.</summary>
public static class BrandingRegistration
{
    public static IServiceCollection AddBranding(this IServiceCollection services)
    {
        services.TryAddScoped<TenantSettingsSection>();
        services.TryAddSingleton<HostedPageReads>();
        services.AddScoped<BrandingSettings>();
        services.AddScoped<PromptTexts>();
        services.AddScoped<LoginPromptSettings>();
        return services;
    }
}
