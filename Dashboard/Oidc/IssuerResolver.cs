using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// The issuer, from configuration and never from a request: <c>Oidc:Issuer</c>, else the first address the server
/// listens on, else <c>http://localhost:5000/</c>. A forged Host header therefore cannot reach a mailed link, the
/// discovery document, the Management API's audience or the WebAuthn relying party.
/// </summary>
internal sealed class IssuerResolver(IOptions<OidcOptions> options, IServer server)
{
    private static readonly Uri Fallback = new("http://localhost:5000/");
    private string? _listening;

    /// <summary>The issuer with its trailing slash, as OpenIddict writes it into tokens.</summary>
    public string Resolve()
    {
        if (options.Value.Issuer is { } configured)
            return WithSlash(configured);
        if (_listening is not null)
            return _listening;
        var listening = Listening();
        // Kestrel on port 0 knows its port only once bound: remember the address from then on.
        if (listening is { Port: not 0 })
            _listening = WithSlash(listening);
        return WithSlash(listening ?? Fallback);
    }

    /// <summary>The issuer as a URI.</summary>
    public Uri IssuerUri => new(Resolve());

    /// <summary>The issuer's host name, known before the server has bound its port.</summary>
    public string Host => options.Value.Issuer?.Host ?? (Listening() ?? Fallback).Host;

    private Uri? Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri))
            return null;
        // A wildcard bind is not a name a browser can use.
        return uri.Host is "0.0.0.0" or "[::]" ? new UriBuilder(uri) { Host = "localhost" }.Uri : uri;
    }

    private static string WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/";
}
