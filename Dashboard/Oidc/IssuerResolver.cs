using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Oidc;

/// <summary>The issuer for a request, computed the way OpenIddict does, so audiences built from it match its tokens.</summary>
internal sealed class IssuerResolver(IOptions<OidcOptions> options)
{
    public string Resolve(HttpRequest request)
    {
        if (options.Value.Issuer is { } configured)
            return configured.AbsoluteUri.EndsWith('/') ? configured.AbsoluteUri : configured.AbsoluteUri + "/";
        return $"{request.Scheme}://{request.Host}{request.PathBase}/";
    }
}
