using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary><c>/api/v2/actions/triggers/{triggerId}/bindings</c>: a trigger's flow, read and replaced whole.</summary>
internal static class BindingEndpoints
{
    public static void MapBindings(this RouteGroupBuilder api)
    {
        api.MapGet("/actions/triggers/{triggerId}/bindings", ListAsync).RequireScope("read:actions");
        api.MapPatch("/actions/triggers/{triggerId}/bindings", ReplaceAsync).RequireScope("update:actions");
    }

    private static async Task<IResult> ListAsync(string triggerId, int? page, int? per_page, BindingService bindings, ActionService actions, CancellationToken cancellationToken)
    {
        var flow = await bindings.GetAsync(triggerId, cancellationToken);
        var (pageIndex, perPage) = ActionLimits.Paging(page ?? 0, per_page ?? 50);
        var items = await ToJsonAsync(flow.Bindings.Skip(pageIndex * perPage).Take(perPage), actions, cancellationToken);
        return TypedResults.Ok(new { total = flow.Bindings.Count, page = pageIndex, per_page = perPage, bindings = items });
    }

    private static async Task<IResult> ReplaceAsync(string triggerId, UpdateBindingsBody body, HttpRequest request, BindingService bindings, ActionService actions, CancellationToken cancellationToken)
    {
        if (body.Bindings is null)
            return ManagementError.Result(400, "Payload validation error: 'bindings' is required.", "invalid_body");
        var references = new List<BindingReference>();
        foreach (var binding in body.Bindings)
        {
            if (binding.Ref?.Value is not { Length: > 0 } value)
                return ManagementError.Result(400, "Payload validation error: every binding needs ref.value.", "invalid_body");
            var type = binding.Ref.Type switch
            {
                null or "action_name" => BindingRefType.ActionName,
                "action_id" => BindingRefType.ActionId,
                _ => (BindingRefType?)null,
            };
            if (type is null)
                return ManagementError.Result(400, $"Payload validation error: ref.type must be action_name or action_id, not '{binding.Ref.Type}'.", "invalid_body");
            var policy = binding.FailurePolicy == "continue" ? BindingFailurePolicy.ContinueOnError : BindingFailurePolicy.FailClosed;
            references.Add(new BindingReference(type.Value, value, binding.DisplayName, policy));
        }
        // Optimistic concurrency for editors that send If-Match with the version they read (the flow designer does).
        var expected = request.Headers.IfMatch.FirstOrDefault()?.Trim('"');
        var flow = await bindings.ReplaceAsync(triggerId, references, expected, cancellationToken);
        return TypedResults.Ok(new { bindings = await ToJsonAsync(flow.Bindings, actions, cancellationToken) });
    }

    // One read of the trigger's Actions, not one per binding.
    private static async Task<List<object>> ToJsonAsync(IEnumerable<TriggerBinding> bindings, ActionService actions, CancellationToken cancellationToken)
    {
        var list = bindings.ToList();
        var byId = await actions.GetManyAsync(list.Select(b => b.ActionId).ToList(), cancellationToken);
        return list.Select(binding => ActionJson.Binding(binding, byId.GetValueOrDefault(binding.ActionId))).ToList();
    }
}
