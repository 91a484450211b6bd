using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// Identity's user checks (unique user name, unique e-mail), except that a user of another connection may have no
/// e-mail: providers need not share one (a GitHub account with a private address), and an identity unlinked from a
/// user whose address it shared comes back without it. A username (Auth0's) is unique in the tenant too. A database
/// account linked into another user keeps its name, address and username (it still logs in with them), though the
/// query filter hides it from Identity's own checks.
/// </summary>
internal sealed class EndUserValidator(IdentityErrorDescriber? errors = null) : UserValidator<TenantUser>(errors)
{
    public override async Task<IdentityResult> ValidateAsync(UserManager<TenantUser> manager, TenantUser user)
    {
        var result = await base.ValidateAsync(manager, user);
        if (user.NormalizedDatabaseUsername is { } username && await manager.Users.IgnoreQueryFilters().AnyAsync(u =>
                u.TenantId == user.TenantId && u.NormalizedDatabaseUsername == username && u.Id != user.Id))
            result = IdentityResult.Failed([.. result.Errors, new IdentityError { Code = UsernamePolicy.DuplicateCode, Description = "The username is already taken." }]);
        if (result.Succeeded && await TakenByLinkedAccountAsync(manager, user))
            return IdentityResult.Failed(Describer.DuplicateEmail(user.Email ?? user.UserName ?? ""));
        if (result.Succeeded || user.IdentitiesJson is null || !string.IsNullOrEmpty(user.Email))
            return result;
        var left = result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.InvalidEmail)).ToArray();
        return left.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(left);
    }

    private static async Task<bool> TakenByLinkedAccountAsync(UserManager<TenantUser> manager, TenantUser user)
    {
        var (email, name) = (manager.NormalizeEmail(user.Email), manager.NormalizeName(user.UserName));
        return await manager.Users.IgnoreQueryFilters().AnyAsync(u => u.LinkedToUserId != null && u.Id != user.Id
            && ((email != null && u.NormalizedEmail == email) || (name != null && u.NormalizedUserName == name)));
    }
}
