using Flowgate.Dashboard.Endpoints.Management;
using Flowgate.Runtime.Applications;
using OpenIddict.Abstractions;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// Auth0's <c>audience</c> (or RFC 8707's <c>resource</c>) at <c>/authorize</c>: the API the end user's access token is
/// for. Checked before anyone logs in, so an application asking for an API that does not exist learns it at its
/// redirect URI with Auth0's error, and no end user is ever given a Management API token.
/// </summary>
internal sealed class AuthorizeAudience(ResourceServerService apis, IssuerResolver issuer)
{
    /// <summary>The requested API's identifier (null when none is asked), or why the request is refused.</summary>
    public async Task<(string? Audience, string? Refusal)> ReadAsync(OpenIddictRequest request, CancellationToken cancellationToken)
    {
        var audience = request.GetParameter("audience")?.ToString() is { Length: > 0 } named ? named : request.Resources?.FirstOrDefault();
        if (string.IsNullOrEmpty(audience))
            return (null, null);
        // Administrators get Management API tokens through client grants; an end user's login is not one.
        if (ManagementAudiences.Reserved(audience, issuer.Resolve()))
            return (null, $"The Management API ({audience}) cannot be granted to end users.");
        return await apis.ExistsAsync(audience, cancellationToken) ? (audience, null) : (null, $"Service not found: {audience}");
    }
}
