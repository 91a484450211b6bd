using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Jobs;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>Jobs and their errors in Auth0's JSON shapes.</summary>
internal static class JobJson
{
    public static JsonObject Job(UserJob job, string? location)
    {
        var json = new JsonObject
        {
            ["status"] = job.Status,
            ["type"] = job.Type,
            ["created_at"] = job.CreatedAt,
            ["id"] = job.Id,
            ["connection_id"] = job.ConnectionId,
            ["connection"] = job.Connection,
        };
        if (job.ExternalId is not null)
            json["external_id"] = job.ExternalId;
        if (job.Status is UserJobStatus.Processing or UserJobStatus.Completed && job.Type != UserJobTypes.VerificationEmail)
            json["percentage_done"] = job.PercentageDone;
        if (job.Type == UserJobTypes.Import)
        {
            json["upsert"] = job.Upsert;
            if (job.Status is UserJobStatus.Completed or UserJobStatus.Failed)
                json["summary"] = new JsonObject { ["failed"] = job.Failed, ["updated"] = job.Updated, ["inserted"] = job.Inserted, ["total"] = job.Total };
        }
        else if (job.Type == UserJobTypes.Export)
        {
            json["format"] = job.Format;
            if (job.Limit is { } limit)
                json["limit"] = limit;
            if (job.FieldsJson is not null)
                json["fields"] = new JsonArray(JsonSerializer.Deserialize<List<ExportField>>(job.FieldsJson)!
                    .Select(f => (JsonNode)(f.ExportAs is null ? new JsonObject { ["name"] = f.Name } : new JsonObject { ["name"] = f.Name, ["export_as"] = f.ExportAs }))
                    .ToArray());
            if (location is not null)
                json["location"] = location;
        }
        if (job.FailureMessage is not null)
            json["status_details"] = job.FailureMessage;
        return json;
    }

    /// <summary>A failed row: the user as given in the file and Auth0's <c>errors: [{code, message, path}]</c>.</summary>
    public static JsonObject Error(UserJobError error) => new()
    {
        ["user"] = JsonNode.Parse(error.UserJson),
        ["errors"] = JsonNode.Parse(error.ErrorsJson),
    };
}
