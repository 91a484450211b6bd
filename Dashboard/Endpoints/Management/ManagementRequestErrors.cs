using System.Text.Json;

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
            await ManagementError.Of(e.StatusCode, Reason(e), "invalid_body").WriteAsync(context.Response);
            return;
        }
        catch (JsonException e) when (!context.Response.HasStarted && UnknownPropertiesRefused.Message(e) is { } unknown)
        {
            // A body an endpoint reads itself (an optional one) rather than through parameter binding.
            await ManagementError.Of(400, unknown, "invalid_body").WriteAsync(context.Response);
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

    // In Auth0's words, and without the server's own type names, which the framework's messages carry.
    private static string Reason(BadHttpRequestException e) => e.InnerException switch
    {
        JsonException json when UnknownPropertiesRefused.Message(json) is { } unknown => unknown,
        JsonException { Path: { } path } json when json.Message.Contains("could not be converted", StringComparison.Ordinal) =>
            $"Payload validation error: the value at '{path}' has the wrong type.",
        JsonException json => $"Payload validation error: the body is not valid JSON: {WithoutPosition(json.Message)} (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}).",
        _ when e.Message.Contains("no body was provided", StringComparison.Ordinal) => "Payload validation error: the request needs a JSON body.",
        _ => e.Message,
    };

    private static string WithoutPosition(string message) =>
        message.IndexOf(" Path: ", StringComparison.Ordinal) is var at and >= 0 ? message[..at] : message;
}
