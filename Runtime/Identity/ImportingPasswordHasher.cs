using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// Identity's password hasher for end users, which also verifies imported hashes (<see cref="ImportedPasswordHash"/>).
/// A match on an imported hash answers <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>, so whoever checked
/// the password replaces it with the default hash; new hashes are always the default.
/// </summary>
internal sealed class ImportingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<TenantUser>
{
    private readonly PasswordHasher<TenantUser> _default = new(options);

    public string HashPassword(TenantUser user, string password) => _default.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(TenantUser user, string hashedPassword, string providedPassword)
    {
        if (!ImportedPasswordHash.IsStored(hashedPassword))
            return _default.VerifyHashedPassword(user, hashedPassword, providedPassword);
        return ImportedPasswordHash.FromStored(hashedPassword)?.Verify(providedPassword) == true
            ? PasswordVerificationResult.SuccessRehashNeeded
            : PasswordVerificationResult.Failed;
    }
}
