using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Monitoring;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>"Replay in editor": the event a recorded execution received, for the test panel.</summary>
internal static class ReplayedEvent
{
    /// <summary>Null when there is no such execution (purged) or the Action did not take part in it.</summary>
    public static async Task<string?> FindAsync(ExecutionLog executions, string? executionId, string actionId)
    {
        if (string.IsNullOrEmpty(executionId))
            return null;
        try
        {
            var execution = await executions.GetAsync(executionId, CancellationToken.None);
            return execution.Results.Any(r => r.ActionId == actionId) ? execution.EventJson : null;
        }
        catch (OperationRejectedException)
        {
            return null;
        }
    }
}
