using Flowgate.Runtime.Admin;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Tests.Admin;

/// <summary>Identity's hasher, counting how many passwords were actually checked.</summary>
internal sealed class CountingPasswordHasher : IPasswordHasher<AdminAccount>
{
    private readonly PasswordHasher<AdminAccount> _inner = new();
    private int _verified;

    public int Verified => _verified;

    public string HashPassword(AdminAccount user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AdminAccount user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verified);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
