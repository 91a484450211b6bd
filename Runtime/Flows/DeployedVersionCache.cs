using Flowgate.Shared.Flows;
using Microsoft.Extensions.Caching.Memory;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// What each deployed version runs (code, decrypted secrets, dependencies), read and decrypted once per version.
/// A deployed version is an immutable snapshot: deploy, rollback and a secret change each make a new version id, so
/// an entry is never stale and needs no invalidation across instances; the flow itself (which versions are bound,
/// in which order) is read from the database on every request. Versions no longer run fall out after an hour.
/// </summary>
public sealed class DeployedVersionCache : IDisposable
{
    private static readonly TimeSpan Idle = TimeSpan.FromHours(1);

    // A size of one per version: the bound on memory is a number of versions, whatever the tenants.
    private readonly MemoryCache _versions = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>The version as read before, keyed by tenant too so one tenant's entry can never answer another's.</summary>
    public bool TryGet(string tenantId, string versionId, out BoundAction version) =>
        _versions.TryGetValue((tenantId, versionId), out version!);

    public void Set(string tenantId, string versionId, BoundAction version) =>
        _versions.Set((tenantId, versionId), version, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });

    public void Dispose() => _versions.Dispose();
}
