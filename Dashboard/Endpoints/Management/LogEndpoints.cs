using System.Text.Json.Nodes;
using Flowgate.Runtime.Monitoring;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary><c>GET /api/v2/logs</c> and <c>/logs/{id}</c>: tenant log events in Auth0's shape, newest first.</summary>
internal static class LogEndpoints
{
    public static void MapLogs(this RouteGroupBuilder api)
    {
        api.MapGet("/logs", SearchAsync).RequireScope("read:logs");
        api.MapGet("/logs/{id}", GetAsync).RequireScope("read:logs");
    }

    // As on Auth0: a bare array, or with include_totals an envelope with start/limit/length/total.
    private static async Task<IResult> SearchAsync(TenantLog log, string? q, int? page, int? per_page, bool? include_totals, CancellationToken cancellationToken)
    {
        var result = await log.SearchAsync(TenantLogQuery.Parse(q), page ?? 0, per_page ?? 50, cancellationToken);
        var logs = result.Items.Select(Json).ToList();
        return include_totals == true
            ? TypedResults.Ok(new { start = result.Page * result.PerPage, limit = result.PerPage, length = logs.Count, total = result.Total, logs })
            : TypedResults.Ok(logs);
    }

    private static async Task<IResult> GetAsync(string id, TenantLog log, CancellationToken cancellationToken) =>
        TypedResults.Ok(Json(await log.GetAsync(id, cancellationToken)));

    private static object Json(TenantLogEvent e) => new
    {
        log_id = e.Id,
        date = e.Date,
        type = e.Type,
        description = e.Description,
        client_id = e.ClientId,
        client_name = e.ClientName,
        ip = e.Ip,
        user_agent = e.UserAgent,
        user_id = e.UserId,
        user_name = e.UserName,
        details = Details(e),
    };

    // The event's own details (e.g. error_class of a failed Action), plus where Auth0 links it to the Actions that ran: actions.executions.
    private static JsonObject Details(TenantLogEvent e)
    {
        var details = JsonNode.Parse(e.DetailsJson) as JsonObject ?? [];
        if (e.ExecutionId is not null)
            details["actions"] = new JsonObject { ["executions"] = new JsonArray(e.ExecutionId) };
        return details;
    }
}
