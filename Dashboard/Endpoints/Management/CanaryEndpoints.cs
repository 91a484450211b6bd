using System.Security.Claims;
using Flowgate.Runtime.Actions.Canaries;
using Flowgate.Runtime.Monitoring;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// <c>/api/v2/actions/actions/{id}/canary</c>: Flowgate's safe deploys (Auth0 has none, so the Action and version shapes
/// are left as Auth0 has them and the canary lives at its own path). Start one by deploying the draft for a share of
/// executions, read it with both versions' numbers since it started, promote it or roll it back.
/// </summary>
internal static class CanaryEndpoints
{
    public static void MapCanaries(this RouteGroupBuilder api)
    {
        var canary = api.MapGroup("/actions/actions/{id}/canary");
        canary.MapGet("/", GetAsync).RequireScope("read:actions");
        canary.MapPost("/", StartAsync).RequireScope("update:actions");
        canary.MapPost("/promote", (string id, ActionCanaries canaries, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            EndAsync(id, CanaryEnd.Promoted, canaries, user, cancellationToken)).RequireScope("update:actions");
        canary.MapPost("/rollback", (string id, ActionCanaries canaries, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            EndAsync(id, CanaryEnd.RolledBack, canaries, user, cancellationToken)).RequireScope("update:actions");
    }

    private static async Task<IResult> GetAsync(string id, ActionCanaries canaries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StateAsync(id, canaries, cancellationToken));

    // The draft's saved tests run first, as for a deploy; ?force=true starts it although some fail.
    private static async Task<IResult> StartAsync(string id, CanaryBody body, bool? force, ActionCanaries canaries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var defaults = new CanarySettings();
        var settings = new CanarySettings(body.Percent ?? defaults.Percent, body.MaxFailureRate ?? defaults.MaxFailureRate, body.MinExecutions ?? defaults.MinExecutions);
        await canaries.StartAsync(id, settings, Actor(user), force ?? false, cancellationToken);
        return TypedResults.Created($"/api/v2/actions/actions/{id}/canary", await StateAsync(id, canaries, cancellationToken));
    }

    private static async Task<IResult> EndAsync(string id, CanaryEnd end, ActionCanaries canaries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await canaries.EndAsync(id, end, Actor(user) ?? "management_api", cancellationToken);
        return TypedResults.Ok(new { action_id = id, status = end == CanaryEnd.Promoted ? "promoted" : "rolled_back" });
    }

    private static async Task<object> StateAsync(string id, ActionCanaries canaries, CancellationToken cancellationToken)
    {
        if (await canaries.GetAsync(id, cancellationToken) is not { } canary)
            return new { action_id = id, status = "none" };
        var sides = await canaries.CompareAsync(canary, cancellationToken);
        return new
        {
            action_id = id,
            status = "running",
            percent = canary.Settings.Percent,
            max_failure_rate = canary.Settings.MaxFailureRate,
            min_executions = canary.Settings.MinExecutions,
            started_at = canary.StartedAt,
            stable_version = Side(sides[0], canary.StableVersionNumber),
            canary_version = Side(sides[1], canary.CanaryVersionNumber),
        };
    }

    private static object Side(VersionMetrics metrics, int number) => new
    {
        id = metrics.VersionId, number, executions = metrics.Executions, failures = metrics.Failures,
        failure_rate = metrics.FailureRate, p50_ms = metrics.P50Ms, p95_ms = metrics.P95Ms,
    };

    private static string? Actor(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? user.Identity?.Name;
}
