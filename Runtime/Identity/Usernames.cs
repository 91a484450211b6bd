using System.Text.Json.Nodes;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// The tenant's <see cref="UsernamePolicy"/>, kept in its settings as <c>{"username": {"requires_username": true, "min": 1,
/// "max": 15}}</c> (the database connection's options read and write it), and the lookup of a user by username.
/// </summary>
public sealed class Usernames(TenantSettingsSection settings, IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, ILogger<Usernames> logger)
{
    private const string Section = "username";

    public async Task<UsernamePolicy> PolicyAsync(CancellationToken cancellationToken) =>
        UsernamePolicy.FromJson(await settings.ReadAsync(Section, cancellationToken));

    /// <summary>
    /// The policy as the hosted pages show it (a username field or not), read at most
    /// <see cref="HostedPageReads.Lifetime"/> ago; what a login or a sign-up may do always reads <see cref="PolicyAsync(CancellationToken)"/>.
    /// </summary>
    public async Task<UsernamePolicy> ShownPolicyAsync(CancellationToken cancellationToken) =>
        UsernamePolicy.FromJson(await settings.ReadRecentAsync(Section, cancellationToken));

    /// <summary>The policy of <paramref name="tenantId"/>, read in the caller's context (a background job has no current tenant).</summary>
    public static async Task<UsernamePolicy> PolicyAsync(FlowgateDbContext db, string tenantId, CancellationToken cancellationToken)
    {
        var json = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.SettingsJson).SingleOrDefaultAsync(cancellationToken);
        return UsernamePolicy.FromJson(json is null ? null : (JsonNode.Parse(json) as JsonObject)?[Section] as JsonObject);
    }

    public async Task SetPolicyAsync(UsernamePolicy policy, CancellationToken cancellationToken)
    {
        if (policy.LimitsProblem() is { } problem)
            throw new OperationRejectedException(RejectionKind.Invalid, "Payload validation error: " + problem) { ErrorCode = "invalid_body" };
        await settings.WriteAsync(Section, policy.ToJson(), cancellationToken);
        logger.LogInformation("Usernames {Required}, {Min} to {Max} characters", policy.Required ? "required" : "not used", policy.Min, policy.Max);
    }

    /// <summary>The id of the user with this username (any case), or null.</summary>
    public async Task<string?> FindUserIdAsync(string username, CancellationToken cancellationToken)
    {
        var normalized = UsernamePolicy.Normalize(username.Trim());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.TenantId == tenant.Id && u.NormalizedDatabaseUsername == normalized)
            .Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Why <paramref name="username"/> cannot be a new user's (null: none given, refused when usernames are required), or null.</summary>
    public async Task<string?> ProblemAsync(string? username, CancellationToken cancellationToken)
    {
        var policy = await PolicyAsync(cancellationToken);
        if (username is null)
            return policy.Required ? "A username is required." : null;
        return policy.Problem(username);
    }
}
