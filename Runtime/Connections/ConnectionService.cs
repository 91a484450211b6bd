using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Connections;

/// <summary>
/// The tenant's connections (Auth0's <c>/api/v2/connections</c>): the built-in database connection and the stored
/// upstream providers. Client secrets are encrypted at rest; callers see them masked, the login handlers in clear.
/// </summary>
public sealed partial class ConnectionService(
    IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, IDataProtectionProvider protection, Usernames usernames, TimeProvider clock,
    ILogger<ConnectionService> logger)
{
    private readonly IDataProtector _secrets = protection.CreateProtector("Flowgate.Connections.ClientSecret.v1");

    /// <summary>The tenant's connections, the database connection first; filtered by strategies and name as on Auth0.</summary>
    public async Task<IReadOnlyList<ConnectionDetails>> ListAsync(IReadOnlyCollection<string>? strategies, string? name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<Connection>().AsNoTracking().Where(c => c.TenantId == tenant.Id).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var all = new List<ConnectionDetails> { await DatabaseAsync(db, cancellationToken) };
        all.AddRange(stored.Select(Details));
        return [.. all.Where(c => (strategies is not { Count: > 0 } || strategies.Contains(c.Strategy)) && (name is null || c.Name == name))];
    }

    public async Task<ConnectionDetails> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (id == UserIds.DatabaseConnectionId)
            return await DatabaseAsync(db, cancellationToken);
        return Details(await FindAsync(db.Set<Connection>().AsNoTracking(), id, cancellationToken));
    }

    /// <summary>The stored connections with their secrets in clear: only the login handlers ask for these.</summary>
    public async Task<IReadOnlyList<ActiveConnection>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<Connection>().AsNoTracking().Where(c => c.TenantId == tenant.Id).ToListAsync(cancellationToken);
        return [.. stored.Select(c => new ActiveConnection(Details(c), c.ProtectedClientSecret is { } s ? _secrets.Unprotect(s) : null, c.UpdatedAt))];
    }

    public async Task<ConnectionDetails> CreateAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        var name = settings.Name?.Trim() ?? "";
        if (!ValidName().IsMatch(name))
            throw Invalid("'name' must be 1 to 128 letters, digits and dashes, starting and ending with a letter or digit.");
        if (settings.Strategy is not { } strategy || !ConnectionStrategies.Creatable.Contains(strategy))
            throw Invalid($"'strategy' must be one of: {string.Join(", ", ConnectionStrategies.Creatable)}.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (name == UserIds.DatabaseConnection || await db.Set<Connection>().AnyAsync(c => c.TenantId == tenant.Id && c.Name == name, cancellationToken))
            throw new OperationRejectedException(RejectionKind.Conflict, "A connection with the same name already exists") { ErrorCode = "connection_conflict" };
        var connection = new Connection
        {
            Id = "con_" + Base62(16), TenantId = tenant.Id, Name = name, Strategy = strategy, CreatedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow(),
        };
        Apply(connection, settings with { Options = settings.Options ?? [] });
        db.Set<Connection>().Add(connection);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Connection {ConnectionId} ({Name}, {Strategy}) created", connection.Id, name, strategy);
        return Details(connection);
    }

    /// <summary>Auth0's PATCH: name and strategy stay; options, when given, replace the stored ones.</summary>
    public async Task<ConnectionDetails> UpdateAsync(string id, ConnectionSettings settings, CancellationToken cancellationToken)
    {
        if (id == UserIds.DatabaseConnectionId)
            return await UpdateDatabaseAsync(settings, cancellationToken);
        if (settings.Name is not null || settings.Strategy is not null)
            throw Invalid("'name' and 'strategy' of a connection cannot change: users' identities name them.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = await FindAsync(db.Set<Connection>(), id, cancellationToken);
        Apply(connection, settings);
        connection.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Connection {ConnectionId} updated", connection.Id);
        return Details(connection);
    }

    /// <summary>Replaces the applications the connection is enabled for.</summary>
    public Task<ConnectionDetails> SetEnabledClientsAsync(string id, IReadOnlyList<string> clientIds, CancellationToken cancellationToken) =>
        UpdateAsync(id, new ConnectionSettings { EnabledClients = clientIds }, cancellationToken);

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (id == UserIds.DatabaseConnectionId)
            throw Invalid("the database connection is built in and cannot be deleted.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Set<Connection>().Remove(await FindAsync(db.Set<Connection>(), id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Connection {ConnectionId} deleted", id);
    }

    private void Apply(Connection connection, ConnectionSettings settings)
    {
        if (settings.Options is { } given)
        {
            var options = (JsonObject)given.DeepClone();
            var secret = ConnectionOptions.Text(options, ConnectionOptions.ClientSecret);
            options.Remove(ConnectionOptions.ClientSecret);
            var stored = connection.ProtectedClientSecret is { } p ? _secrets.Unprotect(p) : null;
            // The masked value the API showed, sent back unchanged (a Deploy CLI round trip), keeps the stored secret.
            if (secret is not null && (stored is null || secret != ConnectionOptions.Mask(stored)))
                stored = secret;
            ConnectionOptions.Validate(connection.Strategy, options, stored is not null);
            connection.OptionsJson = options.ToJsonString();
            connection.ProtectedClientSecret = stored is null ? null : _secrets.Protect(stored);
        }
        if (settings.DisplayName is not null)
            connection.DisplayName = settings.DisplayName.Trim().Length is > 0 and <= 128 ? settings.DisplayName.Trim() : throw Invalid("'display_name' must be 1 to 128 characters.");
        if (settings.EnabledClients is not null)
            connection.EnabledClientsJson = JsonSerializer.Serialize(settings.EnabledClients.Distinct());
        if (settings.Metadata is not null)
            connection.MetadataJson = settings.Metadata.Count <= 10 && settings.Metadata.All(m => m.Key.Length <= 255 && m.Value.Length <= 255)
                ? JsonSerializer.Serialize(settings.Metadata) : throw Invalid("'metadata' holds at most 10 keys, each key and value at most 255 characters.");
        connection.ShowAsButton = settings.ShowAsButton ?? connection.ShowAsButton;
        connection.IsDomainConnection = settings.IsDomainConnection ?? connection.IsDomainConnection;
    }

    private ConnectionDetails Details(Connection c)
    {
        var options = JsonNode.Parse(c.OptionsJson)!.AsObject();
        if (c.ProtectedClientSecret is { } secret)
            options[ConnectionOptions.ClientSecret] = ConnectionOptions.Mask(_secrets.Unprotect(secret));
        return new(c.Id, c.Name, c.DisplayName, c.Strategy, options, JsonSerializer.Deserialize<string[]>(c.EnabledClientsJson) ?? [],
            JsonSerializer.Deserialize<Dictionary<string, string>>(c.MetadataJson) ?? [], c.ShowAsButton, c.IsDomainConnection);
    }

    // Every application may log in with a password: the database connection is enabled for all of them.
    private async Task<ConnectionDetails> DatabaseAsync(FlowgateDbContext db, CancellationToken cancellationToken)
    {
        var clients = await db.Set<Applications.FlowgateApplication>().AsNoTracking()
            .Where(a => a.TenantId == tenant.Id && a.ClientId != null).Select(a => a.ClientId!).ToListAsync(cancellationToken);
        return new(UserIds.DatabaseConnectionId, UserIds.DatabaseConnection, null, ConnectionStrategies.Database,
            DatabaseConnectionOptions.Of(await usernames.PolicyAsync(cancellationToken)), clients, new Dictionary<string, string>(), false, false);
    }

    // The database connection is built in: a write that repeats what it is (a Deploy CLI import of an export, whose
    // display_name is the name the API shows) answers it, and its username options (requires_username, validation)
    // may change; any other change is refused rather than dropped, since Flowgate would not apply it.
    private async Task<ConnectionDetails> UpdateDatabaseAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await DatabaseAsync(db, cancellationToken);
        var policy = settings.Options is { } given ? DatabaseConnectionOptions.UsernamePolicyOf(given) : null;
        var same = (settings.Name is null || settings.Name == current.Name) && (settings.Strategy is null || settings.Strategy == current.Strategy)
            && (settings.DisplayName is null || settings.DisplayName == (current.DisplayName ?? current.Name)) && settings.Metadata is not { Count: > 0 }
            && (settings.Options is null || DatabaseConnectionOptions.SameBesidesUsernames(settings.Options, current.Options))
            && (settings.EnabledClients is null || settings.EnabledClients.ToHashSet().SetEquals(current.EnabledClients));
        if (!same)
            throw Invalid("the database connection is built in and cannot be changed (only its current settings and its username options are accepted).");
        if (policy is null || policy == await usernames.PolicyAsync(cancellationToken))
            return current;
        await usernames.SetPolicyAsync(policy, cancellationToken);
        return await DatabaseAsync(db, cancellationToken);
    }

    private async Task<Connection> FindAsync(IQueryable<Connection> connections, string id, CancellationToken cancellationToken) =>
        await connections.FirstOrDefaultAsync(c => c.TenantId == tenant.Id && c.Id == id, cancellationToken)
        ?? throw new OperationRejectedException(RejectionKind.NotFound, "The connection does not exist") { ErrorCode = "inexistent_connection" };

    private static string Base62(int length)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return new string([.. Enumerable.Range(0, length).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)])]);
    }

    [GeneratedRegex("^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,126}[a-zA-Z0-9])?$")]
    private static partial Regex ValidName();

    private static OperationRejectedException Invalid(string reason) => new(RejectionKind.Invalid, "Payload validation error: " + reason) { ErrorCode = "invalid_body" };
}
