using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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
            return execution.Results.Any(r => r.ActionId == actionId) ? Readable(execution.EventJson) : null;
        }
        catch (OperationRejectedException)
        {
            return null;
        }
    }

    // Recorded events are compact and escape for HTML (`\u002B` for +); the editor shows them indented, as typed.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string? Readable(string? json) => json is null ? null : JsonNode.Parse(json)?.ToJsonString(Indented) ?? json;
}
