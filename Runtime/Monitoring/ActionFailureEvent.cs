using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flowgate.Runtime.Monitoring;

/// <summary>
/// Auth0's <c>actions_execution_failed</c> log event, written for every recorded flow in which an Action failed:
/// <c>details</c> carries <c>error_class</c> (<c>action_error</c>, <c>action_timeout</c>, <c>platform_error</c>),
/// the Action and its error with the stack, as Auth0's log schema has them; the event links to its execution.
/// </summary>
internal static class ActionFailureEvent
{
    public const string Type = "actions_execution_failed";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The event for the record's failed Action, or null when every Action succeeded.</summary>
    public static TenantLogEvent? From(ExecutionRecord record)
    {
        if (record.Results.FirstOrDefault(r => r.ErrorClass is not null) is not { } failed)
            return null;
        var flowEvent = JsonText.TryParse(record.EventJson);
        var details = new FailureDetails(record.TriggerId, record.Id, failed.ActionId, failed.ActionName, failed.VersionId, failed.BindingId,
            failed.ErrorClass!, new FailureError(failed.ErrorName, failed.ErrorMessage, failed.ErrorStack));
        return new TenantLogEvent
        {
            Id = TenantLogEvent.NewId(),
            TenantId = record.TenantId,
            Type = Type,
            Date = failed.EndedAt,
            Description = Truncate($"Action '{failed.ActionName}' failed ({failed.ErrorClass}): {failed.ErrorName}: {failed.ErrorMessage}", 500),
            UserId = Text(flowEvent, "user", "user_id"),
            UserName = Text(flowEvent, "user", "email"),
            ClientId = Text(flowEvent, "client", "client_id"),
            ClientName = Text(flowEvent, "client", "name"),
            Ip = Text(flowEvent, "request", "ip"),
            ExecutionId = record.Id,
            DetailsJson = JsonSerializer.Serialize(details, Json),
        };
    }

    /// <summary>The <c>error_class</c> in a log event's details, when it has one.</summary>
    public static string? ErrorClassOf(TenantLogEvent logEvent) =>
        logEvent.DetailsJson.Contains("error_class", StringComparison.Ordinal)
        && JsonNode.Parse(logEvent.DetailsJson)?["error_class"] is JsonValue value ? value.ToString() : null;


    private static string? Text(JsonNode? node, string section, string name) =>
        node?[section]?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? Truncate(text, 256) : null;

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private sealed record FailureDetails(string TriggerId, string ExecutionId, string ActionId, string ActionName, string? VersionId,
        string? BindingId, string ErrorClass, FailureError ActionError);

    private sealed record FailureError(string? Name, string? Message, string? Stack);
}
