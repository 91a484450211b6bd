using Flowgate.Runtime.Actions;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>Refused operations become Auth0-style errors with the reason (400, 404, 409).</summary>
internal sealed class ManagementRejections : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (OperationRejectedException e)
        {
            var status = e.Kind switch
            {
                RejectionKind.NotFound => 404,
                RejectionKind.Conflict => 409,
                _ => 400,
            };
            return ManagementError.Result(status, e.Message, e.ErrorCode);
        }
    }
}
