using Flowgate.Runtime.Monitoring;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary><c>GET /api/v2/actions/executions/{id}</c>: one recorded trigger run, in Auth0's shape.</summary>
internal static class ExecutionEndpoints
{
    public static void MapExecutions(this RouteGroupBuilder api) =>
        api.MapGet("/actions/executions/{id}", GetAsync).RequireScope("read:actions");

    private static async Task<IResult> GetAsync(string id, ExecutionLog log, CancellationToken cancellationToken)
    {
        var execution = await log.GetAsync(id, cancellationToken);
        return TypedResults.Ok(new
        {
            id = execution.Id,
            trigger_id = execution.TriggerId,
            status = execution.Status,
            results = execution.Results.Select(r => new
            {
                action_name = r.ActionName,
                // Auth0's error object: an id (here the error_class), a message, and a link (none here).
                error = r.ErrorName is null ? null : new { id = r.ErrorClass, msg = $"{r.ErrorName}: {r.ErrorMessage}", url = (string?)null },
                started_at = r.StartedAt,
                ended_at = r.EndedAt,
            }),
            created_at = execution.CreatedAt,
            updated_at = execution.UpdatedAt,
        });
    }
}
