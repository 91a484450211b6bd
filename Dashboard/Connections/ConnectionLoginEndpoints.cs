using Flowgate.Dashboard.Login;
using Microsoft.AspNetCore.Authentication;

namespace Flowgate.Dashboard.Connections;

/// <summary>
/// <c>/login/connection/{name}</c> sends the browser to the connection's provider (the hosted login page's buttons and
/// <c>/authorize?connection=</c> lead here); <c>/login/connection/complete</c> is where the handler sends it back.
/// The provider itself answers at <c>/login/callback/{name}</c>, handled by the connection's scheme.
/// </summary>
internal static class ConnectionLoginEndpoints
{
    public const string CompletePath = "/login/connection/complete";

    public static IEndpointRouteBuilder MapConnectionLogin(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(CompletePath, (HttpContext context, ConnectionSignIn signIn) => signIn.CompleteAsync(context)).ExcludeFromDescription();
        routes.MapGet("/login/connection/{name}", StartAsync).ExcludeFromDescription();
        return routes;
    }

    /// <summary>The address that starts a login through <paramref name="name"/> and comes back to <paramref name="returnUrl"/>.</summary>
    public static string StartUrl(string name, string? returnUrl) =>
        "/login/connection/" + Uri.EscapeDataString(name) + "?returnUrl=" + Uri.EscapeDataString(returnUrl ?? "");

    // Only a connection enabled for the application being logged in to; the return address stays inside the
    // handler's protected state, so the provider's answer can only continue the login that asked for it.
    private static async Task<IResult> StartAsync(string name, string? returnUrl, HttpContext context, ConnectionSchemes schemes)
    {
        var connection = await schemes.FindAsync(name, context.RequestAborted);
        if (connection is null || !connection.Details.IsEnabledFor(HostedLoginReturnUrl.ClientId(returnUrl)))
            return Results.Redirect(HostedError.Url("connection-unknown"));
        var properties = new AuthenticationProperties { RedirectUri = CompletePath };
        properties.Items[ConnectionSignIn.ConnectionItem] = name;
        properties.Items[ConnectionSignIn.ReturnItem] = HostedLoginReturnUrl.Safe(returnUrl);
        return Results.Challenge(properties, [ConnectionSchemes.SchemeOf(name)]);
    }
}
