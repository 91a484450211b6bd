namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// <c>AllowedHosts</c> when the operator has not set it: the issuer's host (and the loopback names in Development,
/// where the browser may use either); any other <c>Host</c> is answered 400 before a page runs. ASP.NET Core's own
/// host filtering reads its list once, before Kestrel has bound its port, so it cannot follow an issuer taken from
/// the listening address; it still applies when <c>AllowedHosts</c> is set.
/// </summary>
internal sealed class IssuerHostFilter(RequestDelegate next, IConfiguration configuration, IHostEnvironment environment, IssuerResolver issuers)
{
    private readonly bool _configured = !string.IsNullOrWhiteSpace(configuration["AllowedHosts"]);

    public Task InvokeAsync(HttpContext context)
    {
        if (_configured || Allowed(context.Request.Host.Host))
            return next(context);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }

    private bool Allowed(string host) =>
        string.Equals(host, issuers.Host, StringComparison.OrdinalIgnoreCase)
        || environment.IsDevelopment() && host is "localhost" or "127.0.0.1" or "[::1]";
}
