using Flowgate.Dashboard.Admin;
using Flowgate.Dashboard.Cli;
using Flowgate.Dashboard.Connections;
using Flowgate.Dashboard.Endpoints;
using Flowgate.Dashboard.Endpoints.Management;
using Flowgate.Dashboard.Hosting;
using Flowgate.Dashboard.Login;
using Flowgate.Dashboard.Oidc;
using Flowgate.Dashboard.Testing;
using Flowgate.Runtime.Store;

// Commands that need no web host (the sandbox worker, `actions test`) run and exit here.
if (await CommandLine.TryRunWithoutHostAsync(args) is int exitCode)
    return exitCode;

var builder = WebApplication.CreateBuilder(CommandLine.HostArguments(args));
if (CommandLine.IsHostCommand(args))
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace); // stdout carries the command's JSON only
builder.AddHostHardening();         // no Server header; Secure cookies in Production
builder.AddStore();                 // EF Core (SQLite or SQL Server), Data Protection keys in the database
builder.AddOidcServer();            // OpenIddict at Auth0's paths, keys persisted
builder.AddAdminAuthentication();   // administrator cookie, lockout
builder.AddHostedLogin();           // end users: Identity, session cookie
builder.AddConnections();           // upstream identity providers: a scheme per connection, at run time
builder.AddManagementApi();         // /api/v2 bearer auth with Auth0's errors
builder.AddSandbox();               // V8 in supervised worker processes; test runners
builder.AddDashboardUi();           // Blazor Server + MudBlazor

var app = builder.Build();
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);

// `admin create`, `clients create`: run against the configured database, then exit.
if (CommandLine.IsHostCommand(args))
    return await CommandLine.RunHostCommandAsync(app, args);

app.UseHostHardening();             // security headers, the issuer's host only, cookie policy
app.UseCors();                      // browser apps' web origins, on the protocol endpoints only
app.UseMiddleware<JsonTokenRequests>();
app.UseMiddleware<ManagementRequestErrors>();
app.UseHostedLoginRateLimit();       // per-IP limit on the hosted pages' form posts, over all instances
app.UseMiddleware<AdminSignInLimits>(); // per-IP and per-account limits on administrators' sign-in posts
app.UseConnectionSchemes();         // connections' schemes current before a callback is handled
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthResponse.WriteAsync }); // database: provider, reachable
app.MapAuthorizationEndpoint();     // /authorize: hosted login, then the code
app.MapConnectionLogin();           // /login/connection/{name}: to a connection's provider and back
app.MapContinueEndpoint();          // /continue: back from an Action's redirect
app.MapTokenEndpoint();             // POST /oauth/token
app.MapUserInfoEndpoint();          // /userinfo
app.MapLogoutEndpoints();           // /v2/logout, /oidc/logout
app.MapManagementApi();             // /api/v2/...
app.MapDashboard();                 // admin UI and its sign-in pages
app.AnnounceAddresses();

await app.RunAsync();
return 0;

/// <summary>The web host's entry point (public for the test host).</summary>
public partial class Program;
