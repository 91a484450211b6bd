using Microsoft.AspNetCore.Identity;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// Identity's user checks (unique user name, unique e-mail), except that a user of another connection may have no
/// e-mail: providers need not share one (a GitHub account with a private address), and an identity unlinked from a
/// user whose address it shared comes back without it.
/// </summary>
internal sealed class EndUserValidator(IdentityErrorDescriber? errors = null) : UserValidator<TenantUser>(errors)
{
    public override async Task<IdentityResult> ValidateAsync(UserManager<TenantUser> manager, TenantUser user)
    {
        var result = await base.ValidateAsync(manager, user);
        if (result.Succeeded || user.IdentitiesJson is null || !string.IsNullOrEmpty(user.Email))
            return result;
        var left = result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.InvalidEmail)).ToArray();
        return left.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(left);
    }
}
