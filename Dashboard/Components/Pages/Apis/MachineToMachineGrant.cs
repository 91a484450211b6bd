using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Components.Pages.Apis;

/// <summary>One machine-to-machine application on an API's tab: whether it may call the API, and the scopes ticked.</summary>
internal sealed class MachineToMachineGrant(ApplicationDetails application, ClientGrant? grant)
{
    public ApplicationDetails Application { get; } = application;

    /// <summary>The stored grant; null while the application is not authorized.</summary>
    public ClientGrant? Grant { get; private set; } = grant;

    public HashSet<string> Selected { get; } = Scopes(grant);

    /// <summary>Whether the ticked scopes differ from the stored grant's.</summary>
    public bool Changed => Grant is not null && !Selected.SetEquals(Scopes(Grant));

    public void Stored(ClientGrant? grant)
    {
        Grant = grant;
        Selected.Clear();
        Selected.UnionWith(Scopes(grant));
    }

    private static HashSet<string> Scopes(ClientGrant? grant) =>
        grant?.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet() ?? [];
}
