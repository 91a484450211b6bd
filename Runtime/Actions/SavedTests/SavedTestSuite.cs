using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Actions.SavedTests;

/// <summary>An Action's saved tests: add, list, delete, and run them all against the current draft.</summary>
public sealed class SavedTestSuite(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, ActionService actions, DraftRunner drafts)
{
    public const int MaxNameLength = 100;
    public const int MaxTestsPerAction = 50;

    public async Task<IReadOnlyList<SavedTest>> ListAsync(string actionId, CancellationToken cancellationToken)
    {
        await actions.GetAsync(actionId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SavedTests.AsNoTracking().Where(t => t.TenantId == tenant.Id && t.ActionId == actionId)
            .OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    public async Task<SavedTest> AddAsync(string actionId, SavedTestInput input, CancellationToken cancellationToken)
    {
        await actions.GetAsync(actionId, cancellationToken);
        var name = input.Name.Trim();
        if (name.Length is 0 or > MaxNameLength)
            throw Invalid($"A saved test needs a name of 1 to {MaxNameLength} characters.");
        if (!IsObject(input.EventJson))
            throw Invalid("The test's event must be a JSON object.");
        Validate(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.SavedTests.Where(t => t.TenantId == tenant.Id && t.ActionId == actionId).Select(t => t.Name).ToListAsync(cancellationToken);
        if (existing.Contains(name))
            throw new OperationRejectedException(RejectionKind.Conflict, $"This Action already has a saved test named '{name}'.");
        if (existing.Count >= MaxTestsPerAction)
            throw Invalid($"An Action keeps at most {MaxTestsPerAction} saved tests.");
        var test = new SavedTest
        {
            Id = Guid.NewGuid().ToString(), TenantId = tenant.Id, ActionId = actionId, Name = name,
            EventJson = input.EventJson, Kind = input.Kind, ExpectedJson = input.Kind == SavedTestKinds.NoDeny ? null : input.ExpectedJson,
        };
        db.SavedTests.Add(test);
        await db.SaveChangesAsync(cancellationToken);
        return test;
    }

    public async Task DeleteAsync(string actionId, string testId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deleted = await db.SavedTests.Where(t => t.TenantId == tenant.Id && t.ActionId == actionId && t.Id == testId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
            throw OperationRejectedException.NotFound("Saved test", testId);
    }

    /// <summary>Runs every saved test against the saved draft, one after the other, in name order.</summary>
    public async Task<IReadOnlyList<SavedTestResult>> RunAllAsync(string actionId, CancellationToken cancellationToken)
    {
        var results = new List<SavedTestResult>();
        foreach (var test in await ListAsync(actionId, cancellationToken))
        {
            var run = await drafts.RunAsync(actionId, test.EventJson, cancellationToken);
            var failure = SavedTestCheck.Failure(test, run);
            results.Add(new SavedTestResult(test, failure is null, failure));
        }
        return results;
    }

    private static void Validate(SavedTestInput input)
    {
        switch (input.Kind)
        {
            case SavedTestKinds.NoDeny:
                return;
            case SavedTestKinds.Commands when JsonText.TryParse(input.ExpectedJson) is JsonArray commands
                && commands.All(c => c is JsonObject { } o && o["method"] is JsonValue && o["args"] is JsonArray):
                return;
            case SavedTestKinds.Commands:
                throw Invalid("Expected commands must be a JSON array of {\"method\": ..., \"args\": [...]}.");
            case SavedTestKinds.Claim when JsonText.TryParse(input.ExpectedJson) is JsonObject { } claim
                && claim["token"]?.GetValue<string>() is "id" or "access" && claim["name"]?.GetValue<string>() is { Length: > 0 } && claim.ContainsKey("value"):
                return;
            case SavedTestKinds.Claim:
                throw Invalid("An expected claim needs the token (id or access), the claim's name and its JSON value.");
            default:
                throw Invalid($"Unknown expectation '{input.Kind}'; use {string.Join(", ", SavedTestKinds.All)}.");
        }
    }

    private static bool IsObject(string json) => JsonText.TryParse(json) is JsonObject;


    private static OperationRejectedException Invalid(string message) => new(RejectionKind.Invalid, message);
}
