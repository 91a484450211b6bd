using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// Challenges that need no storage until they are answered: each is a random nonce and its purpose (a login
/// step of one user, or a passkey sign-in), encrypted and time-limited with Data Protection. An answered
/// challenge is recorded in the database until it would expire anyway, so an assertion cannot be replayed,
/// to this instance or another.
/// </summary>
public sealed class WebAuthnChallenges(IDataProtectionProvider provider, IDbContextFactory<FlowgateDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Flowgate.Mfa.WebAuthnChallenge.v1").ToTimeLimitedDataProtector();

    /// <summary>A new challenge for <paramref name="purpose"/>.</summary>
    public byte[] Issue(string purpose) =>
        _protector.Protect([.. RandomNumberGenerator.GetBytes(16), .. Encoding.UTF8.GetBytes(purpose)], Lifetime);

    /// <summary>Accepts a challenge once, for the purpose it was issued for; null when accepted, otherwise why not.</summary>
    public async Task<(WebAuthnRefusal Refusal, string Reason)?> RedeemAsync(byte[] challenge, string purpose, CancellationToken cancellationToken)
    {
        byte[] payload;
        DateTimeOffset expires;
        try
        {
            payload = _protector.Unprotect(challenge, out expires);
        }
        catch (CryptographicException)
        {
            return (WebAuthnRefusal.WrongChallenge, "The challenge was not issued here or has expired.");
        }
        if (payload.Length < 16 || Encoding.UTF8.GetString(payload.AsSpan(16)) != purpose)
            return (WebAuthnRefusal.WrongChallenge, "The challenge was issued for another login step.");
        return await RecordAnswerAsync(Convert.ToHexStringLower(payload.AsSpan(0, 16)), expires, cancellationToken)
            ? null
            : (WebAuthnRefusal.ChallengeReplayed, "The challenge was already answered: a replayed assertion.");
    }

    // The nonce's row is the lock: of two answers to one challenge, whichever instance gets them, one insert fails.
    private async Task<bool> RecordAnswerAsync(string nonce, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.AnsweredChallenges.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.AnsweredChallenges.Add(new AnsweredChallenge { Id = nonce, ExpiresAt = expires });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
