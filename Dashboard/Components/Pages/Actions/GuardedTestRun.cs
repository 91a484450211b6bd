using Flowgate.Runtime.Actions;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>How the editor's test panels run a test: the draft saved first, and any failure turned into a message to show.</summary>
internal static class GuardedTestRun
{
    /// <summary>Saves (when <paramref name="beforeRunAsync"/> allows it) and runs; null when it ran or the save cancelled it, else what to show.</summary>
    public static async Task<string?> RunAsync(Func<Task<bool>>? beforeRunAsync, Func<Task> run, ILogger logger, string actionId)
    {
        try
        {
            if (beforeRunAsync is not null && !await beforeRunAsync())
                return null;
            await run();
            return null;
        }
        catch (OperationRejectedException e)
        {
            return e.Message;
        }
#pragma warning disable CA1031 // The runner is pluggable: whatever it throws is shown, never allowed to end the circuit.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Test run of Action {ActionId} failed", actionId);
            return "The test run failed: " + e.Message;
        }
    }
}
