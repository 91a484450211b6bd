using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Flowgate.Runtime.Tenancy;

/// <summary>The services behind the administration pages and their Management API endpoints.</summary>
public static class TenantAdministrationRegistration
{
    /// <summary>Users, roles, applications, APIs and client grants. Needs <see cref="IdentityRegistration.AddEndUserIdentity"/>.</summary>
    public static IServiceCollection AddTenantAdministration(this IServiceCollection services)
    {
        services.AddScoped<UserService>();
        services.AddScoped<RoleService>();
        services.AddScoped<RoleAssignments>();
        services.AddScoped<UserPermissions>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<ResourceServerService>();
        services.AddSingleton<ApiSigningSecrets>();
        services.AddSingleton<ApiSigningSecretCache>();
        services.AddSingleton<ClientGrantCache>();
        services.AddSingleton<RecentApplications>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ClientGrantService>();
        services.AddUserJobs();
        services.AddScoped<Connections.ConnectionService>();
        services.AddScoped<Identity.UserIdentities>();
        services.AddScoped<Identity.LinkedDatabaseAccounts>();
        return services;
    }
}
