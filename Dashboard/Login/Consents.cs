using System.Collections.Immutable;
using Flowgate.Runtime.Applications;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// Consent for third-party applications (<c>is_first_party: false</c>), as on Auth0: the user is asked once
/// per application and set of scopes; the answer is kept as a permanent OpenIddict authorization.
/// </summary>
internal sealed class Consents(IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations)
{
    /// <summary>True when the login may go on without asking: a first-party application, or consent already given for these scopes.</summary>
    public async Task<bool> SatisfiedAsync(string userId, string clientId, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not FlowgateApplication { IsFirstParty: false } application)
            return true;
        var applicationId = await applications.GetIdAsync(application, cancellationToken);
        await foreach (var _ in authorizations.FindAsync(userId, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes, cancellationToken))
            return true;
        return false;
    }

    /// <summary>Records the user's consent to these scopes for the application.</summary>
    public async Task GrantAsync(string userId, string clientId, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new InvalidOperationException($"Unknown application {clientId}.");
        var identity = new System.Security.Claims.ClaimsIdentity("consent");
        identity.SetClaim(Claims.Subject, userId);
        await authorizations.CreateAsync(new System.Security.Claims.ClaimsPrincipal(identity), userId,
            (await applications.GetIdAsync(application, cancellationToken))!, AuthorizationTypes.Permanent, scopes, cancellationToken);
    }
}
