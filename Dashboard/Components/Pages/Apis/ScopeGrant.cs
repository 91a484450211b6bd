using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Components.Pages.Apis;

/// <summary>A client grant being edited: whether it exists, and the scopes ticked against the stored ones.</summary>
public class ScopeGrant(ClientGrant? grant)
{
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

    public void Toggle(string scope, bool on)
    {
        if (on)
            Selected.Add(scope);
        else
            Selected.Remove(scope);
    }

    private static HashSet<string> Scopes(ClientGrant? grant) =>
        grant?.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet() ?? [];
}
