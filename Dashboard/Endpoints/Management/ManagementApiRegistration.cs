using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>Bearer-token authorization for <c>/api/v2</c>, with Auth0's error bodies.</summary>
internal static class ManagementApiRegistration
{
    public static WebApplicationBuilder AddManagementApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IAuthorizationHandler, ManagementAuthorizationHandler>();
        builder.Services.AddScoped<LinkWithToken>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ManagementAuthorizationResults>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => UnknownPropertiesRefused.Apply(o.SerializerOptions));
        return builder;
    }

    /// <summary>Requires a Management API token carrying one of <paramref name="anyOf"/>.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder endpoint, params string[] anyOf) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new ManagementAudienceRequirement(), new ManagementScopeRequirement(anyOf))
            .Build());
}
