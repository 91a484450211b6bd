using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Actions;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// <c>POST /api/v2/actions/actions/{id}/test</c>: runs the draft against <c>{payload}</c> and returns what it did. With
/// <c>continue: {query, body}</c> (Flowgate's addition; Auth0 clients never send it) the execute handler's redirect is
/// followed by a simulated <c>/continue</c>, and the answer adds <c>continue: {redirect_url, state, payload}</c>.
/// </summary>
internal static class ActionTestEndpoint
{
    public static void MapActionTest(this RouteGroupBuilder api) =>
        api.MapPost("/actions/actions/{id}/test", TestAsync).RequireScope("create:actions");

    private static async Task<IResult> TestAsync(string id, ActionTestBody body, DraftRunner drafts, CancellationToken cancellationToken)
    {
        if (body.Payload is not { ValueKind: JsonValueKind.Object } payload)
            return ManagementError.Result(400, "Payload validation error: 'payload' must be the event, as a JSON object.", "invalid_body");
        if (body.Continue is not { } resume)
            return TypedResults.Ok(new { payload = await drafts.RunAsync(id, payload.GetRawText(), cancellationToken) });
        if (resume.Body is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
            return ManagementError.Result(400, "Payload validation error: 'continue.body' must be a JSON object.", "invalid_body");

        var continueBody = resume.Body is { ValueKind: JsonValueKind.Object } given ? JsonNode.Parse(given.GetRawText())!.AsObject() : [];
        var result = await drafts.RunWithContinueAsync(id, payload.GetRawText(), resume.Query ?? new Dictionary<string, string>(), continueBody, cancellationToken);
        return TypedResults.Ok(new
        {
            payload = result.Execute,
            @continue = new { redirect_url = result.RedirectUrl, state = result.State, payload = result.Continue, error = result.NotContinued },
        });
    }
}
