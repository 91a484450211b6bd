namespace Flowgate.Dashboard.Connections;

/// <summary>
/// Before authentication runs on the paths that start or finish a login through a connection, brings this instance's
/// schemes up to date: a callback must find its connection's handler, and the login page must offer current buttons.
/// </summary>
internal sealed class ConnectionSchemeRefresh(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ConnectionSchemes schemes)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/login") || path.StartsWithSegments("/u/login") || path.StartsWithSegments("/authorize"))
            await schemes.RefreshAsync(force: false, context.RequestAborted);
        await next(context);
    }
}
