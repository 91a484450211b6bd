using Flowgate.Runtime.Branding;
using Flowgate.Runtime.Email;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Mfa.WebAuthn;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Login;

/// <summary>End users' identity and session cookie, separate from the administrators' cookie.</summary>
internal static class HostedLoginRegistration
{
    public static WebApplicationBuilder AddHostedLogin(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndUserIdentity();
        builder.Services.AddAuthentication().AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "flowgate.session";
            cookie.Cookie.HttpOnly = true;
            // Lax: the session must ride along when an application sends the browser to /authorize.
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/u/login";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(3);
            cookie.SlidingExpiration = true;
        });
        // Every request: a new stamp (password, block, factor reset) must end a session now, not within the default 30 minutes.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddScoped<ISecurityStampValidator, EndUserSessionValidator>();
        builder.Services.AddScoped<Runtime.Login.UserSessionRevocation>();
        builder.Services.AddScoped<Runtime.Login.LoginUserWrites>();
        builder.Services.AddScoped<RefreshLogin>();
        builder.Services.AddScoped<LoginClaims>();
        builder.Services.AddScoped<Oidc.ApiPermissionClaims>();
        builder.Services.AddScoped<EndUserSignIn>();
        builder.Services.AddScoped<RegistrationFlows>();
        builder.Services.AddScoped<IdentifierFlow>();
        builder.Services.AddScoped<Consents>();
        builder.Services.AddScoped<AuthorizeLogin>();
        builder.Services.AddScoped<PasswordReset>();
        builder.Services.AddScoped<ResetChallenge>();
        builder.Services.AddEmail(builder.Configuration);
        builder.Services.AddScoped<AccountMail>();
        builder.Services.AddScoped<TicketLanding>();
        builder.Services.AddHostedLoginRateLimit();
        builder.Services.AddScoped<PostLoginFlow>();
        builder.Services.AddScoped<LoginEvents>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<Runtime.Flows.Parking.ParkedTransactions>();
        builder.Services.AddScoped<Runtime.Login.ParkedLogins>();
        builder.Services.AddMfa();
        builder.Services.AddBranding();
        builder.Services.AddScoped<HostedBranding>();
        builder.Services.AddScoped<HostedPageText>();
        builder.Services.AddScoped<HostedApplicationName>();
        builder.Services.AddSingleton<Mfa.RememberedBrowser>();
        builder.Services.AddScoped<Mfa.LoginMfa>();
        builder.Services.AddScoped<Mfa.FactorSession>();
        builder.Services.AddScoped<Mfa.FactorSelfService>();
        builder.Services.AddOptions<WebAuthnOptions>().Bind(builder.Configuration.GetSection(WebAuthnOptions.Section))
            .Validate(o => string.IsNullOrEmpty(o.RpId) || Uri.CheckHostName(o.RpId) == UriHostNameType.Dns, "WebAuthn:RpId must be a domain name (no scheme, port or IP address).")
            .ValidateOnStart();
        builder.Services.AddSingleton<Mfa.RelyingParties>();
        builder.Services.AddScoped<Mfa.PhoneMessages>();
        return builder;
    }
}
