using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;

namespace Flowgate.Dashboard.Oidc;

/// <summary>Bearer tokens are checked against the issuer, not against the Host header of the request carrying them.</summary>
internal sealed class ValidationIssuerBaseUri(IssuerResolver issuers) : IOpenIddictValidationHandler<OpenIddictValidationEvents.ProcessRequestContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<OpenIddictValidationEvents.ProcessRequestContext>()
            .UseSingletonHandler<ValidationIssuerBaseUri>()
            .SetOrder(OpenIddictValidationAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order + 1)
            .Build();

    public ValueTask HandleAsync(OpenIddictValidationEvents.ProcessRequestContext context)
    {
        context.BaseUri = issuers.IssuerUri;
        return ValueTask.CompletedTask;
    }
}
