namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>Malformed requests (bad JSON, wrong parameter types) get a 400 with the reason in Auth0's error shape.</summary>
internal sealed class ManagementBadRequestFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (BadHttpRequestException e)
        {
            return ManagementError.Result(e.StatusCode, e.InnerException?.Message ?? e.Message, "invalid_body");
        }
    }
}
