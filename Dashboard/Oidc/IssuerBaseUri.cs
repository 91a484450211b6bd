using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// OpenIddict builds the discovery document's endpoints (and, without a configured issuer, the issuer itself) from
/// the request's Host header. Once the endpoint is known, the base becomes the issuer, so a forged Host changes nothing.
/// </summary>
internal sealed class IssuerBaseUri(IssuerResolver issuers) : IOpenIddictServerHandler<OpenIddictServerEvents.ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessRequestContext>()
            .UseSingletonHandler<IssuerBaseUri>()
            // After the endpoint was matched against the request's own address, before anything is written.
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ValidateHostHeader.Descriptor.Order + 1)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ProcessRequestContext context)
    {
        context.BaseUri = issuers.IssuerUri;
        return ValueTask.CompletedTask;
    }
}
