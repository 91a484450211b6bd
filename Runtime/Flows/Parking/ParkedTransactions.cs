using System.Security.Cryptography;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Flows.Parking;

/// <summary>
/// Parked transactions by state: a random 128-bit state names each, which the browser carries. Every write sets the
/// expiry again; expired ones are never returned and are deleted as new ones are parked.
/// </summary>
public sealed class ParkedTransactions(
    IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Flowgate.ParkedTransactions");

    /// <summary>Parks <paramref name="payload"/> under a new state, which it returns.</summary>
    public async Task<string> AddAsync(string payload, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var state = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ParkedTransactions.Where(p => p.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.ParkedTransactions.Add(new ParkedTransaction { Id = Key(state), TenantId = tenant.Id, Payload = _protector.Protect(payload), ExpiresAt = now + lifetime });
        await db.SaveChangesAsync(cancellationToken);
        return state;
    }

    /// <summary>Replaces what <paramref name="state"/> holds (parks it again if it was taken or expired).</summary>
    public async Task PutAsync(string state, string payload, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = Key(state);
        var parked = await db.ParkedTransactions.FirstOrDefaultAsync(p => p.Id == key, cancellationToken);
        if (parked is not null && parked.TenantId != tenant.Id)
            throw new InvalidOperationException("The state belongs to another tenant.");
        if (parked is null)
            db.ParkedTransactions.Add(parked = new ParkedTransaction { Id = key, TenantId = tenant.Id, Payload = "" });
        parked.Payload = _protector.Protect(payload);
        parked.ExpiresAt = clock.GetUtcNow() + lifetime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What <paramref name="state"/> holds; null when it is unknown, expired, taken or another tenant's.</summary>
    public async Task<string?> FindAsync(string? state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state))
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, Key(state), cancellationToken);
    }

    /// <summary>
    /// Finds and forgets: what the state held, for exactly one caller. Two requests racing for the same state (on one
    /// instance or two) cannot both have it: only the one whose delete removed the row gets it. With
    /// <paramref name="accept"/>, a payload it refuses is left in place, and the row is deleted only if it still holds
    /// the payload that was accepted.
    /// </summary>
    public async Task<string?> TakeAsync(string? state, CancellationToken cancellationToken, Func<string, bool>? accept = null)
    {
        if (string.IsNullOrEmpty(state))
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = Key(state);
        if (await FindRowAsync(db, key, cancellationToken) is not { } parked)
            return null;
        var payload = _protector.Unprotect(parked.Payload);
        if (accept is not null && !accept(payload))
            return null;
        var deleted = await db.ParkedTransactions.Where(p => p.Id == key && p.Payload == parked.Payload).ExecuteDeleteAsync(cancellationToken);
        return deleted == 1 ? payload : null;
    }

    private async Task<string?> FindAsync(FlowgateDbContext db, string key, CancellationToken cancellationToken) =>
        await FindRowAsync(db, key, cancellationToken) is { } parked ? _protector.Unprotect(parked.Payload) : null;

    private Task<ParkedTransaction?> FindRowAsync(FlowgateDbContext db, string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.ParkedTransactions.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == key && p.TenantId == tenant.Id && p.ExpiresAt > now, cancellationToken);
    }

    private static string Key(string state) => TextHash.Sha256Hex(state);
}
