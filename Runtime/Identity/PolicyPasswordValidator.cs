using Microsoft.AspNetCore.Identity;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// Checks a new password against the tenant's <see cref="PasswordPolicy"/> wherever Identity validates one: signup,
/// reset, the Management API and the dashboard. Identity's own length and composition checks are switched off, so this
/// is the one policy.
/// </summary>
internal sealed class PolicyPasswordValidator(PasswordPolicyStore policies) : IPasswordValidator<TenantUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<TenantUser> manager, TenantUser user, string? password)
    {
        var policy = await policies.GetAsync(CancellationToken.None);
        var failed = policy.Rules().Where(rule => !rule.IsSatisfiedBy(password ?? "")).ToList();
        return failed.Count == 0 ? IdentityResult.Success
            : IdentityResult.Failed([.. failed.Select(rule => new IdentityError { Code = rule.Code, Description = $"Password needs: {char.ToLowerInvariant(rule.Description[0])}{rule.Description[1..]}." })]);
    }
}
