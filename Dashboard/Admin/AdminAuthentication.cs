using Flowgate.Runtime.Admin;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Admin;

/// <summary>The dashboard's own sign-in: an administrator cookie, separate from end users' sessions.</summary>
internal static class AdminAuthentication
{
    public const string Scheme = "Flowgate.Admin";
    public const string Policy = "Admin";
    public const string AdminClaim = "flowgate:admin";

    public static WebApplicationBuilder AddAdminAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().Bind(builder.Configuration.GetSection(AdminOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPasswordHasher<AdminAccount>, PasswordHasher<AdminAccount>>();
        builder.Services.AddSingleton<AdminAccountService>();

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
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireClaim(AdminClaim));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }
}
