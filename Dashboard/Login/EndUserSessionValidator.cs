using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// Checks the end user's session cookie against their security stamp on every request: a password change, a block
/// or a factor reset (each gives a new stamp) ends the sessions at once, on every instance. A valid cookie is kept as
/// it is rather than re-issued, so its claims (how and when the user authenticated, which factor passed) and its
/// issue time stay those of the login.
/// </summary>
internal sealed class EndUserSessionValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<TenantUser> signIn, ILoggerFactory logger)
    : SecurityStampValidator<TenantUser>(options, signIn, logger)
{
    protected override Task SecurityStampVerified(TenantUser user, CookieValidatePrincipalContext context) => Task.CompletedTask;
}
