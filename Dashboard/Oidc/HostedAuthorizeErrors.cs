using Flowgate.Dashboard.Login;
using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// An authorization request OpenIddict refuses before it knows where to send the answer (unknown client, a callback
/// not registered, a missing parameter) cannot go back to the application. OpenIddict would write its error as plain
/// text; as on Auth0, the browser lands on the hosted error page with the error code instead.
/// </summary>
internal sealed class HostedAuthorizeErrors(ILogger<HostedAuthorizeErrors> logger) : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseSingletonHandler<HostedAuthorizeErrors>()
            // After the response modes (which answer when there is a callback), before the plain-text local error.
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessLocalErrorResponse<ApplyAuthorizationResponseContext>.Descriptor.Order - 1)
            .Build();

    public ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        if (string.IsNullOrEmpty(context.Transaction.Response?.Error) || !string.IsNullOrEmpty(context.RedirectUri)
            || context.Transaction.GetHttpRequest() is not { } request)
            return ValueTask.CompletedTask;
        // The page shows only the code; why the request was refused is for the application's developer, in the log.
        logger.LogInformation("Refused an authorization request that cannot go back to the application: {Error} ({Description})",
            context.Transaction.Response.Error, context.Transaction.Response.ErrorDescription);
        request.HttpContext.Response.Redirect(HostedError.Url(HostedError.AuthorizeKey(context.Transaction.Response.Error)));
        context.HandleRequest();
        return ValueTask.CompletedTask;
    }
}
