using Flowgate.Runtime.Actions;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>How the library and the editor describe where an Action's draft stands against its deployed version.</summary>
internal sealed record ActionStatus(string Text, Color Color)
{
    /// <param name="action">The Action.</param>
    /// <param name="deployedNumber">The number of its deployed version, when it has one.</param>
    public static ActionStatus Of(ActionDefinition action, int? deployedNumber) =>
        action.DeployedVersionId is null || deployedNumber is null ? new("Draft only", Color.Default)
        : action.AllChangesDeployed ? new($"Deployed v{deployedNumber}", Color.Success)
        : new($"Undeployed changes (v{deployedNumber} live)", Color.Warning);
}
