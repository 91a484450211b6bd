using System.Text.Json.Nodes;
using Flowgate.Dashboard.Login;
using Flowgate.Runtime.Connections;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Connections;

/// <summary>What every connection's remote handler shares: its callback, the external cookie it signs into, and how a failed callback ends.</summary>
internal static class UpstreamRemote
{
    /// <summary>The connection's callback: the address to register at the provider.</summary>
    public static string CallbackPath(string connectionName) => "/login/callback/" + connectionName;

    public static void Configure(RemoteAuthenticationOptions options, ActiveConnection connection)
    {
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.CallbackPath = CallbackPath(connection.Details.Name);
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.RemoteAuthenticationTimeout = TimeSpan.FromMinutes(10);
    }

    /// <summary>The scopes of <c>options.scope</c>, a string or an array as Auth0 accepts.</summary>
    public static IEnumerable<string> Scopes(JsonObject options) => options[ConnectionOptions.Scope] switch
    {
        JsonArray list => list.Select(s => s?.ToString() ?? "").Where(s => s.Length > 0),
        JsonValue text => text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => [],
    };

    /// <summary>Plain http is accepted only towards this machine (a provider under test); anything else must be https.</summary>
    public static bool IsLoopback(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>
    /// A callback that fails (a forged or replayed state, a missing correlation cookie, a provider's error) ends on the
    /// hosted error page, never signed in; why goes to the log, without the query (it may hold a code).
    /// </summary>
    public static Task FailAsync(RemoteFailureContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UpstreamRemote))
            .LogWarning("A login through {Scheme} failed at the callback: {Reason}", context.Scheme.Name, context.Failure?.Message);
        context.Response.Redirect(HostedError.Url("connection-failed"));
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
