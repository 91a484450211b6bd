using Flowgate.Runtime.Admin;
using Flowgate.Runtime.Limits;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Admin;

/// <summary>The dashboard's own sign-in: an administrator cookie, separate from end users' sessions.</summary>
internal static class AdminAuthentication
{
    public const string Scheme = "Flowgate.Admin";
    /// <summary>Between a right password and the factor: names the administrator to the factor pages, and opens nothing else.</summary>
    public const string PendingScheme = "Flowgate.Admin.Pending";
    public const string Policy = "Admin";
    public const string AdminClaim = "flowgate:admin";
    public const string StampClaim = "flowgate:stamp";
    public const string FactorAtClaim = "flowgate:factor_at";
    public const string StepClaim = "flowgate:step";

    public static WebApplicationBuilder AddAdminAuthentication(this WebApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        builder.Services.AddOptions<AdminOptions>().Bind(builder.Configuration.GetSection(AdminOptions.Section))
            .PostConfigure(o =>
            {
                // Production asks for a second factor and a setup token unless the operator says otherwise.
                o.RequireMfa ??= production;
                o.RequireSetupToken ??= production;
            })
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPasswordHasher<AdminAccount>, PasswordHasher<AdminAccount>>();
        builder.Services.AddSingleton<AdminLockout>();
        builder.Services.AddSingleton<AdminSetupToken>();
        builder.Services.AddSingleton<AdminAccountService>();
        builder.Services.AddSingleton<AdminFactors>();
        builder.Services.AddSingleton<AdminSecurityKeys>();
        builder.Services.AddRateLimitCounters();
        builder.Services.AddSingleton<AdminSignInLimits>();
        builder.Services.AddHostedService<AdminSetupAnnouncement>();

        builder.Services.AddAuthentication(Scheme)
            .AddCookie(Scheme, cookie =>
            {
                cookie.Cookie.Name = "flowgate.admin";
                cookie.Cookie.HttpOnly = true;
                // Strict: no cross-site request ever carries the admin session (CSRF defence in depth).
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/account/login";
                cookie.LogoutPath = "/account/logout";
                cookie.AccessDeniedPath = "/account/login";
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = AdminSessionValidation.ValidateAsync;
            })
            .AddCookie(PendingScheme, cookie =>
            {
                cookie.Cookie.Name = "flowgate.admin.pending";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.Cookie.Path = "/account";
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                cookie.SlidingExpiration = false;
                cookie.Events.OnValidatePrincipal = AdminSessionValidation.ValidateAsync;
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireClaim(AdminClaim));
        builder.Services.AddCascadingAuthenticationState();
        // Registered before Blazor's own (which is added with TryAdd): an open circuit re-checks its administrator.
        builder.Services.AddScoped<AuthenticationStateProvider, AdminCircuitRevalidation>();
        return builder;
    }
}
