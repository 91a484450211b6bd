namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Requests the Management API cannot serve get Auth0's error shape with the reason: malformed bodies (bad JSON,
/// wrong parameter types; parameter binding runs before endpoint filters, so this is middleware), and the bare
/// 404/405/415 that routing answers for an unknown path, a method the path does not take, or a body that is not JSON.
/// </summary>
internal sealed class ManagementRequestErrors(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(ManagementApiEndpoints.BasePath))
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            await ManagementError.Of(e.StatusCode, $"{e.Message} {reason}".Trim(), "invalid_body").WriteAsync(context.Response);
            return;
        }
        var response = context.Response;
        if (response.HasStarted || response.ContentType is not null || response.ContentLength is not null)
            return;
        var request = context.Request;
        var message = response.StatusCode switch
        {
            404 => "Not Found",
            405 => $"{request.Method} is not allowed on {request.Path}; it takes {response.Headers.Allow}.",
            415 => $"The body must be JSON (content-type: application/json), not '{request.ContentType}'.",
            _ => null,
        };
        if (message is not null)
            await ManagementError.Of(response.StatusCode, message).WriteAsync(response);
    }
}
