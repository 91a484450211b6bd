using Flowgate.Runtime.Actions;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Runtime.Identity;

/// <summary>Turns ASP.NET Identity's failures into the refusals the Management API and the admin pages show.</summary>
internal static class IdentityRejections
{
    public static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
            return;
        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Contains(UsernamePolicy.DuplicateCode))
            throw new OperationRejectedException(RejectionKind.Conflict, "The username already exists.");
        if (codes.Any(c => c is "DuplicateUserName" or "DuplicateEmail"))
            throw new OperationRejectedException(RejectionKind.Conflict, "The user already exists.");
        if (codes.Contains("DuplicateRoleName"))
            throw new OperationRejectedException(RejectionKind.Conflict, "A role with this name already exists.");
        if (codes.Contains("ConcurrencyFailure"))
            throw new OperationRejectedException(RejectionKind.Conflict, "This was changed elsewhere at the same time. Reload and try again.");
        throw Weak(result.Errors) ?? new OperationRejectedException(RejectionKind.Invalid, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Auth0's password error, with the policy's reasons; null when no password rule failed.</summary>
    public static OperationRejectedException? Weak(IEnumerable<IdentityError> errors)
    {
        var reasons = errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).Select(e => e.Description).ToList();
        return reasons.Count == 0 ? null
            : new OperationRejectedException(RejectionKind.Invalid, "PasswordStrengthError: Password is too weak. " + string.Join(" ", reasons))
            {
                DisplayMessage = "This password is too weak. " + string.Join(" ", reasons),
            };
    }
}
