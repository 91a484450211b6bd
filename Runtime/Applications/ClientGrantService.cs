using System.Security.Cryptography;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Applications;

/// <summary>
/// Which applications may get client-credentials tokens for which API, with which of its scopes.
/// Audiences are stored as the API's identifier (the Management API's is <see cref="ManagementApi.IdentifierSuffix"/>).
/// </summary>
public sealed class ClientGrantService(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, ClientGrantCache cached, ILogger<ClientGrantService> logger)
{
    /// <summary>The tenant's grants, optionally for one application and/or one API.</summary>
    public async Task<IReadOnlyList<ClientGrant>> ListAsync(string? clientId, string? audience, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ClientGrants.AsNoTracking().Where(g => g.TenantId == tenant.Id);
        if (!string.IsNullOrEmpty(clientId))
            query = query.Where(g => g.ClientId == clientId);
        if (!string.IsNullOrEmpty(audience))
            query = query.Where(g => g.Audience == audience);
        return await query.OrderBy(g => g.ClientId).ThenBy(g => g.Audience).ToListAsync(cancellationToken);
    }

    /// <summary>Lets an application call an API with these scopes, each of which the API must define.</summary>
    public async Task<ClientGrant> CreateAsync(string clientId, string audience, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<FlowgateApplication>().AnyAsync(a => a.TenantId == tenant.Id && a.ClientId == clientId, cancellationToken))
            throw new OperationRejectedException(RejectionKind.NotFound, $"No client with client_id {clientId}.");
        var api = await db.ResourceServers.AsNoTracking().SingleOrDefaultAsync(r => r.TenantId == tenant.Id && r.Identifier == audience, cancellationToken)
            ?? throw new OperationRejectedException(RejectionKind.NotFound, $"No resource server with identifier {audience}.");
        if (await db.ClientGrants.AnyAsync(g => g.TenantId == tenant.Id && g.ClientId == clientId && g.Audience == audience, cancellationToken))
            throw new OperationRejectedException(RejectionKind.Conflict, "A client grant for this client and audience already exists.");
        var grant = new ClientGrant { Id = NewId(), TenantId = tenant.Id, ClientId = clientId, Audience = audience, Scope = Scope(api, scopes) };
        db.ClientGrants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        cached.ForgetAll();
        logger.LogInformation("Client {ClientId} granted {Audience}", clientId, audience);
        return grant;
    }

    /// <summary>Replaces the scopes a grant allows.</summary>
    public async Task<ClientGrant> UpdateAsync(string id, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grant = await FindAsync(db, id, cancellationToken);
        var api = await db.ResourceServers.AsNoTracking().SingleAsync(r => r.TenantId == tenant.Id && r.Identifier == grant.Audience, cancellationToken);
        grant.Scope = Scope(api, scopes);
        await db.SaveChangesAsync(cancellationToken);
        cached.ForgetAll();
        return grant;
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ClientGrants.Remove(await FindAsync(db, id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        cached.ForgetAll();
        logger.LogInformation("Client grant {GrantId} deleted", id);
    }

    /// <summary>A new grant id in Auth0's shape.</summary>
    internal static string NewId() =>
        "cgr_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'A').Replace('/', 'B');

    private static string Scope(ResourceServer api, IReadOnlyCollection<string> scopes)
    {
        var defined = ResourceServerScope.Parse(api.ScopesJson).Select(s => s.Value).ToHashSet();
        if (scopes.FirstOrDefault(s => !defined.Contains(s)) is { } unknown)
            throw new OperationRejectedException(RejectionKind.Invalid, $"Payload validation error: the API {api.Name} defines no scope '{unknown}'.");
        return string.Join(' ', scopes.Distinct());
    }

    private async Task<ClientGrant> FindAsync(FlowgateDbContext db, string id, CancellationToken cancellationToken) =>
        await db.ClientGrants.SingleOrDefaultAsync(g => g.TenantId == tenant.Id && g.Id == id, cancellationToken)
            ?? throw new OperationRejectedException(RejectionKind.NotFound, "The client grant does not exist.");
}
