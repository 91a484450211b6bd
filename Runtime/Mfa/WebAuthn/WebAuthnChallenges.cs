using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// Challenges that need no storage until they are answered: each is a random nonce and its purpose (a login
/// step of one user, or a passkey sign-in), encrypted and time-limited with Data Protection. An answered
/// challenge is remembered until it would expire anyway, so an assertion cannot be replayed. The memory is
/// this process's: several instances need the sticky sessions suspended logins already ask for.
/// </summary>
public sealed class WebAuthnChallenges(IDataProtectionProvider provider, IMemoryCache answered)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private static readonly Lock Gate = new();

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Flowgate.Mfa.WebAuthnChallenge.v1").ToTimeLimitedDataProtector();

    /// <summary>A new challenge for <paramref name="purpose"/>.</summary>
    public byte[] Issue(string purpose) =>
        _protector.Protect([.. RandomNumberGenerator.GetBytes(16), .. Encoding.UTF8.GetBytes(purpose)], Lifetime);

    /// <summary>Accepts a challenge once, for the purpose it was issued for; null when accepted, otherwise why not.</summary>
    public (WebAuthnRefusal Refusal, string Reason)? Redeem(byte[] challenge, string purpose)
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
        var key = "flowgate:webauthn-answered:" + Convert.ToHexString(payload.AsSpan(0, 16));
        lock (Gate)
        {
            if (answered.TryGetValue(key, out _))
                return (WebAuthnRefusal.ChallengeReplayed, "The challenge was already answered: a replayed assertion.");
            answered.Set(key, true, expires);
        }
        return null;
    }
}
