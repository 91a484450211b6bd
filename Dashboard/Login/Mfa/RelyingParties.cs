using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Mfa.WebAuthn;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Login.Mfa;

/// <summary>
/// The WebAuthn relying party: the configured RP id and origins, or else those of the issuer (the hosted pages and
/// the issuer are one site). Never the request's Host: a forged one must not choose the RP id.
/// </summary>
internal sealed class RelyingParties(IOptions<WebAuthnOptions> options, IssuerResolver issuers)
{
    public RelyingParty For()
    {
        var configured = options.Value;
        var issuer = issuers.IssuerUri;
        var id = !string.IsNullOrEmpty(configured.RpId) ? configured.RpId : issuer.Host;
        IReadOnlyCollection<string> origins = configured.Origins.Count > 0 ? configured.Origins : [issuer.GetLeftPart(UriPartial.Authority)];
        return new RelyingParty(id, configured.RpName, origins);
    }

    /// <summary>What a factor challenge issued on a login step is for: this parked login of this user, nothing else.</summary>
    public static string LoginStepPurpose(string state, string userId) => "mfa|" + state + "|" + userId;
}
