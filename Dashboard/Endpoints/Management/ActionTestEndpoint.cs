using System.Text.Json;
using Flowgate.Runtime.Actions;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary><c>POST /api/v2/actions/actions/{id}/test</c>: runs the draft against <c>{payload}</c> and returns what it did.</summary>
internal static class ActionTestEndpoint
{
    public static void MapActionTest(this RouteGroupBuilder api) =>
        api.MapPost("/actions/actions/{id}/test", TestAsync).RequireScope("create:actions");

    private static async Task<IResult> TestAsync(string id, ActionTestBody body, DraftRunner drafts, CancellationToken cancellationToken)
    {
        if (body.Payload is not { ValueKind: JsonValueKind.Object } payload)
            return ManagementError.Result(400, "Payload validation error: 'payload' must be the event, as a JSON object.", "invalid_body");
        var result = await drafts.RunAsync(id, payload.GetRawText(), cancellationToken);
        return TypedResults.Ok(new { payload = result });
    }
}
