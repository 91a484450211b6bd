using Flowgate.Runtime.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Flowgate.Runtime.Identity;

/// <summary>ASP.NET Core Identity for end users: hashing, lockout, tokens for password reset and TOTP.</summary>
public static class IdentityRegistration
{
    public static IServiceCollection AddEndUserIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<TenantUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The tenant's PasswordPolicy (PolicyPasswordValidator) is the one password check.
                options.Password.RequiredLength = 1;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<TenantRole>()
            .AddEntityFrameworkStores<FlowgateDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PolicyPasswordValidator>();
        // Imported hashes (Auth0's custom_password_hash) verify until the first login rehashes them.
        services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<TenantUser>, ImportingPasswordHasher>());
        services.Replace(ServiceDescriptor.Scoped<IUserValidator<TenantUser>, EndUserValidator>());
        // After AddRoles, whose factory would read roles and claims on every sign-in for a cookie that never uses them.
        services.Replace(ServiceDescriptor.Scoped<IUserClaimsPrincipalFactory<TenantUser>, SessionPrincipalFactory>());
        services.AddScoped<PasswordCheck>();
        services.TryAddScoped<Tenancy.TenantSettingsSection>();
        services.TryAddSingleton<Tenancy.HostedPageReads>();
        services.AddScoped<PasswordPolicyStore>();
        services.AddScoped<Usernames>();
        return services;
    }
}
