using Flowgate.Runtime.Applications;
using Microsoft.AspNetCore.Components;

namespace Flowgate.Dashboard.Components.Pages.Apis;

/// <summary>An API's identifier as an admin would paste it: the Management API's follows the host the dashboard is reached at.</summary>
internal static class ApiIdentifiers
{
    public static string Shown(ResourceServer api, NavigationManager navigation) =>
        api.IsSystem ? ManagementApi.AudienceFor(navigation.BaseUri) : api.Identifier;
}
