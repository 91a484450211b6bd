using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>Actions, versions and bindings in the Management API's JSON shapes (Auth0's field names).</summary>
internal static class ActionJson
{
    public static object Action(ActionDefinition action, ActionVersion? deployed) => new
    {
        id = action.Id,
        name = action.Name,
        supported_triggers = new[] { new { id = action.TriggerId, version = action.TriggerVersion } },
        code = action.Code,
        dependencies = action.Dependencies.Select(d => new { name = d.Name, version = d.Version }),
        runtime = action.Runtime,
        // Secret values are write-only: only names and dates ever leave the server.
        secrets = action.Secrets.Select(s => new { name = s.Name, updated_at = s.UpdatedAt }),
        deployed_version = deployed is null ? null : Version(deployed, action),
        all_changes_deployed = action.AllChangesDeployed,
        status = "built",
        built_at = action.UpdatedAt,
        created_at = action.CreatedAt,
        updated_at = action.UpdatedAt,
    };

    public static object Version(ActionVersion version, ActionDefinition? action = null) => new
    {
        id = version.Id,
        action_id = version.ActionId,
        code = version.Code,
        dependencies = System.Text.Json.JsonSerializer.Deserialize<object>(version.DependenciesJson),
        runtime = version.Runtime,
        secrets = System.Text.Json.JsonDocument.Parse(version.SecretsJson).RootElement.EnumerateArray()
            .Select(s => new { name = s.GetProperty("name").GetString(), updated_at = s.GetProperty("updatedAt").GetDateTimeOffset() }),
        deployed = version.Deployed,
        number = version.Number,
        status = "built",
        errors = Array.Empty<object>(),
        action = action is null ? null : new { id = action.Id, name = action.Name, supported_triggers = new[] { new { id = action.TriggerId, version = action.TriggerVersion } } },
        created_at = version.CreatedAt,
        built_at = version.BuiltAt,
        updated_at = version.CreatedAt,
    };

    public static object Binding(TriggerBinding binding, ActionDefinition? action) => new
    {
        id = binding.Id,
        trigger_id = binding.TriggerId,
        display_name = binding.DisplayName,
        action = action is null ? null : new { id = action.Id, name = action.Name, supported_triggers = new[] { new { id = action.TriggerId, version = action.TriggerVersion } } },
        // Flowgate's extension: what an error in this Action does to the flow. Auth0 clients ignore it.
        failure_policy = binding.FailurePolicy == BindingFailurePolicy.ContinueOnError ? "continue" : "fail",
        created_at = binding.CreatedAt,
        updated_at = binding.UpdatedAt,
    };
}
