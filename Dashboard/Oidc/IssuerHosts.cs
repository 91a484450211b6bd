using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// <c>AllowedHosts</c>, when the operator has not set it, is the issuer's host (and loopback in Development, where
/// the browser may use either name): a request for any other Host is answered 400 before it reaches a page.
/// </summary>
internal sealed class IssuerHosts(IConfiguration configuration, IHostEnvironment environment, IssuerResolver issuers)
    : IPostConfigureOptions<HostFilteringOptions>
{
    public void PostConfigure(string? name, HostFilteringOptions options)
    {
        if (!string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
            return;
        var host = issuers.Host;
        options.AllowedHosts = environment.IsDevelopment()
            ? [host, "localhost", "127.0.0.1", "[::1]"]
            : [host];
    }
}
