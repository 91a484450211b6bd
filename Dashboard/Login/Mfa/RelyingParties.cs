using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Mfa.WebAuthn;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Login.Mfa;

/// <summary>
/// The WebAuthn relying party for a request: the configured RP id and origins, or else those of the configured
/// issuer, or else the host the browser came to (the hosted pages and the issuer are one site).
/// </summary>
internal sealed class RelyingParties(IOptions<WebAuthnOptions> options, IOptions<OidcOptions> oidc)
{
    public RelyingParty For(HttpRequest request)
    {
        var configured = options.Value;
        var issuer = oidc.Value.Issuer;
        var id = !string.IsNullOrEmpty(configured.RpId) ? configured.RpId : issuer?.Host ?? request.Host.Host;
        IReadOnlyCollection<string> origins = configured.Origins.Count > 0 ? configured.Origins
            : [issuer is not null ? issuer.GetLeftPart(UriPartial.Authority) : $"{request.Scheme}://{request.Host}"];
        return new RelyingParty(id, configured.RpName, origins);
    }

    /// <summary>What a factor challenge issued on a login step is for: this parked login of this user, nothing else.</summary>
    public static string LoginStepPurpose(string state, string userId) => "mfa|" + state + "|" + userId;
}
