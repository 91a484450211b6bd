namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Malformed Management API requests (bad JSON, wrong parameter types) get a 400 with the reason in
/// Auth0's error shape. Parameter binding runs before endpoint filters, so this is middleware.
/// </summary>
internal sealed class ManagementBadRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (context.Request.Path.StartsWithSegments(ManagementApiEndpoints.BasePath) && !context.Response.HasStarted)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            await new ManagementError(e.StatusCode, "Bad Request", $"{e.Message} {reason}".Trim(), "invalid_body").WriteAsync(context.Response);
        }
    }
}
