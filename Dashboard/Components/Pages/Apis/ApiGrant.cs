using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Components.Pages.Apis;

/// <summary>One API on a machine-to-machine application's APIs tab: whether the application may call it, and the scopes ticked.</summary>
internal sealed class ApiGrant(ResourceServer api, ClientGrant? grant) : ScopeGrant(grant)
{
    public ResourceServer Api { get; } = api;

    public IReadOnlyList<ResourceServerScope> Scopes { get; } = ResourceServerScope.Parse(api.ScopesJson);
}
