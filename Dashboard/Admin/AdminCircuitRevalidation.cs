using Flowgate.Runtime.Admin;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Admin;

/// <summary>
/// A dashboard circuit outlives the request that opened it, so it re-checks its administrator's security stamp every
/// <see cref="AdminOptions.CircuitRevalidationSeconds"/>: after a sign-out, a password change or a removed factor the
/// circuit's user becomes anonymous and its pages send the browser to sign in.
/// </summary>
internal sealed class AdminCircuitRevalidation(ILoggerFactory loggers, AdminAccountService admins, IOptions<AdminOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(options.Value.CircuitRevalidationSeconds);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        authenticationState.User.HasClaim(c => c.Type == AdminAuthentication.AdminClaim)
            ? AdminSessionValidation.IsCurrentAsync(authenticationState.User, admins, cancellationToken)
            : Task.FromResult(true);
}
