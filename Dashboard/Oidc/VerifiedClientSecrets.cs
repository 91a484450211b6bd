using System.Security.Cryptography;
using System.Text;
using Flowgate.Runtime.Applications;
using Microsoft.AspNetCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.Server;

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
/// rotated secret (a new stored hash) or a deleted client misses as soon as the application is read again: at once on
/// the instance that made the change, within 2 s on the others (<see cref="RecentApplications"/>). Flowgate's
/// secrets are 48 random bytes, far beyond guessing either way.
/// It is also where the OIDC endpoints find their client in <see cref="RecentApplications"/>, and where this instance's
/// changes to an application drop it from there.
/// </remarks>
internal sealed class VerifiedClientSecrets(
    IOpenIddictApplicationCache<FlowgateApplication> cache,
    ILogger<OpenIddictApplicationManager<FlowgateApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<FlowgateApplication> store,
    RecentApplications recent,
    IHttpContextAccessor requests)
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

    public override async ValueTask<FlowgateApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken = default) =>
        IsProtocolRequest() ? await recent.FindAsync(identifier, cancellationToken) : await base.FindByClientIdAsync(identifier, cancellationToken);

    public override async ValueTask UpdateAsync(FlowgateApplication application, CancellationToken cancellationToken = default)
    {
        RefuseShared(application);
        await base.UpdateAsync(application, cancellationToken);
        Forget(application);
    }

    public override async ValueTask UpdateAsync(FlowgateApplication application, string? secret, CancellationToken cancellationToken = default)
    {
        RefuseShared(application);
        await base.UpdateAsync(application, secret, cancellationToken);
        Forget(application);
    }

    public override async ValueTask UpdateAsync(FlowgateApplication application, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken = default)
    {
        RefuseShared(application);
        await base.UpdateAsync(application, descriptor, cancellationToken);
        Forget(application);
    }

    public override async ValueTask DeleteAsync(FlowgateApplication application, CancellationToken cancellationToken = default)
    {
        RefuseShared(application);
        await base.DeleteAsync(application, cancellationToken);
        Forget(application);
    }

    private void Forget(FlowgateApplication application)
    {
        if (application.ClientId is { } clientId)
            recent.Forget(clientId);
    }

    // An application the OIDC endpoints share is no one request's to change: the change would show in every other one.
    private void RefuseShared(FlowgateApplication application)
    {
        if (recent.IsShared(application))
            throw new InvalidOperationException("This application was read for the OIDC endpoints and is shared: read it again to change it.");
    }

    // The OIDC endpoints (authorize, token, logout, userinfo, ...) read their client and write rows that point to it by
    // its id only (OpenIddict's stores look the entity up again in their own context), never the application itself.
    private bool IsProtocolRequest() =>
        requests.HttpContext is { } http && http.GetOpenIddictServerEndpointType() is not OpenIddictServerEndpointType.Unknown;
}
