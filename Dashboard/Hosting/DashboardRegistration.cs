using Flowgate.Dashboard.Admin;
using Flowgate.Dashboard.Components;
using Flowgate.Dashboard.Endpoints;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Geo;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using MudBlazor.Services;

namespace Flowgate.Dashboard.Hosting;

/// <summary>Registration and mapping for the admin UI and the host's shared services.</summary>
internal static class DashboardRegistration
{
    /// <summary>Database, Data Protection, the tenant, and the Runtime services pages call.</summary>
    public static WebApplicationBuilder AddStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddFlowgateStore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddSingleton(CurrentTenant.Default);
        builder.Services.AddTenantAdministration(); // users, roles, applications, APIs, client grants
        builder.Services.AddScoped<ClientCredentialsGrant>();
        builder.Services.AddScoped<CredentialsExchangeFlow>();
        builder.Services.AddScoped<CodeExchange>();
        builder.Services.AddActions(builder.Configuration);
        builder.Services.AddGeoIp(builder.Configuration); // event.request.geoip
        builder.Services.AddExecutionRecords(builder.Configuration);
        builder.Services.AddHealthChecks().AddDbContextCheck<FlowgateDbContext>("database");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        return builder;
    }

    /// <summary>Blazor Server with MudBlazor.</summary>
    public static WebApplicationBuilder AddDashboardUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Bottom right: a snackbar at the top covers the page header's buttons (Save, Deploy) for seconds.
        builder.Services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        return builder;
    }

    /// <summary>The admin pages, their static assets and sign-out.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapPost("/account/logout", async (HttpContext context) =>
        {
            await AdminSignIn.SignOutAsync(context);
            return Results.LocalRedirect("/account/login");
        });
        return app;
    }
}
