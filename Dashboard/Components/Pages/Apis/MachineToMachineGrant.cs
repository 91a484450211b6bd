using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Components.Pages.Apis;

/// <summary>One machine-to-machine application on an API's tab: whether it may call the API, and the scopes ticked.</summary>
internal sealed class MachineToMachineGrant(ApplicationDetails application, ClientGrant? grant) : ScopeGrant(grant)
{
    public ApplicationDetails Application { get; } = application;
}
