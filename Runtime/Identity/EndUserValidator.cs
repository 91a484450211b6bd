using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// Identity's user checks (unique user name, unique e-mail), except that a user of another connection may have no
/// e-mail: providers need not share one (a GitHub account with a private address), and an identity unlinked from a
/// user whose address it shared comes back without it. A username (Auth0's) is unique in the tenant too.
/// </summary>
internal sealed class EndUserValidator(IdentityErrorDescriber? errors = null) : UserValidator<TenantUser>(errors)
{
    public override async Task<IdentityResult> ValidateAsync(UserManager<TenantUser> manager, TenantUser user)
    {
        var result = await base.ValidateAsync(manager, user);
        if (user.NormalizedDatabaseUsername is { } username && await manager.Users.AnyAsync(u =>
                u.TenantId == user.TenantId && u.NormalizedDatabaseUsername == username && u.Id != user.Id))
            result = IdentityResult.Failed([.. result.Errors, new IdentityError { Code = UsernamePolicy.DuplicateCode, Description = "The username is already taken." }]);
        if (result.Succeeded || user.IdentitiesJson is null || !string.IsNullOrEmpty(user.Email))
            return result;
        var left = result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.InvalidEmail)).ToArray();
        return left.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(left);
    }
}
