using Flowgate.Runtime.Triggers;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary><c>GET /api/v2/actions/triggers</c>: the trigger catalog in Auth0's shape.</summary>
internal static class TriggerEndpoints
{
    private static readonly string[] Runtimes = ["node22"];

    public static void MapTriggers(this RouteGroupBuilder api)
    {
        api.MapGet("/actions/triggers", () => TypedResults.Ok(new
        {
            triggers = TriggerCatalog.All.Select(t => new
            {
                id = t.Id,
                version = t.Version,
                status = "CURRENT",
                runtimes = Runtimes,
                default_runtime = Runtimes[0],
                binding_policy = "trigger-bound",
                compatible_triggers = Array.Empty<object>(),
            }),
        })).RequireScope("read:actions");
    }
}
