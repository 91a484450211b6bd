using System.Security.Cryptography;
using System.Text;
using Flowgate.Runtime.Applications;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// OpenIddict's application manager, remembering for a few minutes that a presented client secret matched. A client
/// secret is stored as PBKDF2 (10,000 rounds of HMAC-SHA256), built to slow down the guessing of human passwords;
/// measured here, that one derivation was about half the CPU of a client_credentials grant, paid again on every
/// token request of a machine client that presents the same secret each time.
/// </summary>
/// <remarks>
/// Why this is safe: only a success is remembered, so a wrong secret always pays the full derivation (guessing gets
/// no faster, and the timing of a failure says nothing). The entry's key is an HMAC, under a random key that never
/// leaves this process, of the application's id, its stored hash and the presented secret: no secret is kept, and a
/// rotated secret (a new stored hash, read from the database on every request by OpenIddict) or a deleted client
/// misses at once, on every instance. Flowgate's secrets are 48 random bytes, far beyond guessing either way.
/// </remarks>
internal sealed class VerifiedClientSecrets(
    IOpenIddictApplicationCache<FlowgateApplication> cache,
    ILogger<OpenIddictApplicationManager<FlowgateApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<FlowgateApplication> store)
    : OpenIddictApplicationManager<FlowgateApplication>(cache, logger, options, store)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly MemoryCache Verified = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public override async ValueTask<bool> ValidateClientSecretAsync(FlowgateApplication application, string secret, CancellationToken cancellationToken = default)
    {
        if (application.ClientSecret is not { Length: > 0 } stored || string.IsNullOrEmpty(secret))
            return await base.ValidateClientSecretAsync(application, secret, cancellationToken);
        var entry = Convert.ToHexString(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes($"{application.Id}\n{stored}\n{secret}")));
        if (Verified.TryGetValue(entry, out _))
            return true;
        if (!await base.ValidateClientSecretAsync(application, secret, cancellationToken))
            return false;
        Verified.Set(entry, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remembered });
        return true;
    }
}
