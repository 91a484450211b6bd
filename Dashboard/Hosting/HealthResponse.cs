using System.Text.Json;
using Flowgate.Runtime.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Hosting;

/// <summary>
/// The body of <c>/healthz</c>: the overall status and which database this instance runs on and whether it answers,
/// so an operator behind a proxy sees at once that every instance is on the shared database (never the connection
/// string: it may hold a password).
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var provider = context.RequestServices.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
        var reachable = report.Entries.TryGetValue("database", out var database) && database.Status == HealthStatus.Healthy;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            database = new { provider = provider.ToString(), reachable },
        }, cancellationToken: context.RequestAborted);
    }
}
