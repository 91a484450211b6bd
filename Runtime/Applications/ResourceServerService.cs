using System.Security.Cryptography;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Applications;

/// <summary>The tenant's APIs (resource servers): their identifiers (audiences), scopes and token lifetimes.</summary>
public sealed class ResourceServerService(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, ApiSigningSecrets secrets,
    ApiSigningSecretCache signingSecrets, ClientGrantCache grants, ILogger<ResourceServerService> logger)
{
    /// <summary>Auth0's bounds: at least a minute, at most 30 days.</summary>
    public const int MinTokenLifetime = 60, MaxTokenLifetime = 2_592_000;

    /// <summary>Whether an API with this identifier (audience) exists in the tenant.</summary>
    public async Task<bool> ExistsAsync(string identifier, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ResourceServers.AnyAsync(r => r.TenantId == tenant.Id && r.Identifier == identifier && !r.IsSystem, cancellationToken);
    }

    /// <summary>The tenant's APIs, the built-in Management API first.</summary>
    public async Task<IReadOnlyList<ResourceServer>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ResourceServers.AsNoTracking().Where(r => r.TenantId == tenant.Id)
            .OrderByDescending(r => r.IsSystem).ThenBy(r => r.Name).ToListAsync(cancellationToken);
    }

    /// <summary>An API by its id or, as Auth0 allows, by its identifier.</summary>
    public async Task<ResourceServer> GetAsync(string idOrIdentifier, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db.ResourceServers.AsNoTracking(), idOrIdentifier, cancellationToken);
    }

    public async Task<ResourceServer> CreateAsync(ResourceServerSettings settings, CancellationToken cancellationToken)
    {
        var identifier = settings.Identifier?.Trim();
        if (string.IsNullOrEmpty(identifier) || identifier.Length > 600 || identifier.Any(char.IsWhiteSpace))
            throw Invalid("'identifier' is required: the audience, such as https://api.example.com (no spaces, at most 600 characters).");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (identifier == ManagementApi.IdentifierSuffix || await db.ResourceServers.AnyAsync(r => r.TenantId == tenant.Id && r.Identifier == identifier, cancellationToken))
            throw new OperationRejectedException(RejectionKind.Conflict, $"A resource server with the same identifier already exists: {identifier}");
        var server = new ResourceServer
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            TenantId = tenant.Id,
            Name = ValidName(settings.Name ?? identifier),
            Identifier = identifier,
        };
        Apply(server, settings with { Name = null });
        db.ResourceServers.Add(server);
        await db.SaveChangesAsync(cancellationToken);
        Forget();
        logger.LogInformation("API {ResourceServerId} ({Identifier}) created", server.Id, identifier);
        return server;
    }

    /// <summary>Changes name, scopes or token lifetime. Scopes an API drops are taken from its client grants too.</summary>
    public async Task<ResourceServer> UpdateAsync(string idOrIdentifier, ResourceServerSettings settings, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var server = await FindAsync(db.ResourceServers, idOrIdentifier, cancellationToken);
        RefuseSystem(server, "changed");
        if (settings.Identifier is not null && settings.Identifier != server.Identifier)
            throw Invalid("the identifier of an API cannot change: it is the audience of tokens already issued.");
        Apply(server, settings);
        if (settings.Scopes is not null)
            await PruneGrantsAsync(db, server, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Forget();
        return server;
    }

    /// <summary>Deletes the API and every client grant to it.</summary>
    public async Task DeleteAsync(string idOrIdentifier, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var server = await FindAsync(db.ResourceServers, idOrIdentifier, cancellationToken);
        RefuseSystem(server, "deleted");
        db.ResourceServers.Remove(server);
        db.ClientGrants.RemoveRange(db.ClientGrants.Where(g => g.TenantId == tenant.Id && g.Audience == server.Identifier));
        db.PermissionGrants.RemoveRange(db.PermissionGrants.Where(p => p.TenantId == tenant.Id && p.ResourceServerIdentifier == server.Identifier));
        await db.SaveChangesAsync(cancellationToken);
        Forget();
        logger.LogInformation("API {ResourceServerId} deleted", server.Id);
    }

    /// <summary>The HS256 secret of an API (its owner sees it, as on Auth0), or null when it has none.</summary>
    public string? SigningSecret(ResourceServer server) =>
        server.ProtectedSigningSecret is { } stored ? secrets.Unprotect(stored) : null;

    /// <summary>
    /// The HS256 secret that signs an access token for these audiences, or null when it is signed with the tenant's RSA
    /// keys: the first audience that is an HS256 API of the tenant decides (the other one is at most <c>/userinfo</c>).
    /// Read through <see cref="ApiSigningSecretCache"/>: another instance's change is seen within 2 s.
    /// </summary>
    public async Task<string?> HmacSecretForAsync(IReadOnlyCollection<string> audiences, CancellationToken cancellationToken)
    {
        if (audiences.Count == 0)
            return null;
        var key = ApiSigningSecretCache.KeyFor(tenant.Id, audiences);
        if (signingSecrets.TryGet(key, out var known))
            return known;
        var read = signingSecrets.BeginRead();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.ResourceServers.AsNoTracking()
            .Where(r => r.TenantId == tenant.Id && audiences.Contains(r.Identifier) && r.SigningAlg == SigningAlgorithms.HS256)
            .Select(r => r.ProtectedSigningSecret).FirstOrDefaultAsync(cancellationToken);
        var secret = stored is null ? null : secrets.Unprotect(stored);
        signingSecrets.Set(key, secret, read);
        return secret;
    }

    // What token requests keep of the tenant's APIs: secrets, lifetimes, granted scopes.
    private void Forget()
    {
        signingSecrets.ForgetAll();
        grants.ForgetAll();
    }

    private void Apply(ResourceServer server, ResourceServerSettings settings)
    {
        if (settings.SigningAlg is { } alg)
            server.SigningAlg = SigningAlgorithms.IsKnown(alg) ? alg
                : throw Invalid($"'signing_alg' must be {SigningAlgorithms.RS256} or {SigningAlgorithms.HS256}.");
        if (settings.SigningSecret is { } secret)
            server.ProtectedSigningSecret = secret.Length >= ApiSigningSecrets.MinLength ? secrets.Protect(secret)
                : throw Invalid($"'signing_secret' must be at least {ApiSigningSecrets.MinLength} characters.");
        // As on Auth0, choosing HS256 without a secret makes one; it stays if the API goes back to RS256.
        if (server.SigningAlg == SigningAlgorithms.HS256 && server.ProtectedSigningSecret is null)
            server.ProtectedSigningSecret = secrets.Protect(ApiSigningSecrets.New());
        if (settings.Name is not null)
            server.Name = ValidName(settings.Name);
        if (settings.TokenLifetime is { } lifetime)
            server.TokenLifetimeSeconds = lifetime is >= MinTokenLifetime and <= MaxTokenLifetime ? lifetime
                : throw Invalid($"'token_lifetime' must be between {MinTokenLifetime} and {MaxTokenLifetime} seconds.");
        if (settings.Scopes is not null)
            server.ScopesJson = ResourceServerScope.Serialize(ValidScopes(settings.Scopes));
        if (settings.TokenDialect is { } dialect)
            server.TokenDialect = TokenDialects.IsKnown(dialect) ? dialect
                : throw Invalid($"'token_dialect' must be {TokenDialects.AccessToken} or {TokenDialects.AccessTokenAuthz}.");
        server.EnforcePolicies = settings.EnforcePolicies ?? server.EnforcePolicies;
        server.AllowOfflineAccess = settings.AllowOfflineAccess ?? server.AllowOfflineAccess;
    }

    private static List<ResourceServerScope> ValidScopes(IReadOnlyList<ResourceServerScope> scopes)
    {
        var valid = scopes.Select(s => s with { Value = s.Value?.Trim() ?? "", Description = s.Description?.Trim() ?? "" }).ToList();
        if (valid.FirstOrDefault(s => s.Value.Length is 0 or > 280 || s.Value.Any(char.IsWhiteSpace)) is { } bad)
            throw Invalid($"scope '{bad.Value}' needs a value of 1 to 280 characters without spaces.");
        if (valid.GroupBy(s => s.Value).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw Invalid($"scope '{duplicate.Key}' is listed twice.");
        return valid;
    }

    private async Task PruneGrantsAsync(FlowgateDbContext db, ResourceServer server, CancellationToken cancellationToken)
    {
        var defined = ResourceServerScope.Parse(server.ScopesJson).Select(s => s.Value).ToHashSet();
        foreach (var grant in await db.ClientGrants.Where(g => g.TenantId == tenant.Id && g.Audience == server.Identifier).ToListAsync(cancellationToken))
            grant.Scope = string.Join(' ', grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(defined.Contains));
        db.PermissionGrants.RemoveRange(db.PermissionGrants.Where(p => p.TenantId == tenant.Id && p.ResourceServerIdentifier == server.Identifier && !defined.Contains(p.PermissionName)));
    }

    private async Task<ResourceServer> FindAsync(IQueryable<ResourceServer> servers, string idOrIdentifier, CancellationToken cancellationToken) =>
        await servers.Where(r => r.TenantId == tenant.Id && (r.Id == idOrIdentifier || r.Identifier == idOrIdentifier))
            .OrderByDescending(r => r.Id == idOrIdentifier).FirstOrDefaultAsync(cancellationToken)
            ?? throw new OperationRejectedException(RejectionKind.NotFound, "The resource server does not exist.");

    private static void RefuseSystem(ResourceServer server, string what)
    {
        if (server.IsSystem)
            throw new OperationRejectedException(RejectionKind.Invalid, $"The Management API is built in and cannot be {what}.");
    }

    private static string ValidName(string name)
    {
        name = name.Trim();
        return name.Length is > 0 and <= 200 ? name : throw Invalid("an API needs a name of 1 to 200 characters.");
    }

    private static OperationRejectedException Invalid(string reason) => new(RejectionKind.Invalid, "Payload validation error: " + reason);
}
