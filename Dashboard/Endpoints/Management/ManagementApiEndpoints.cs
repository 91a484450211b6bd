namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The Management API's route group (<c>/api/v2</c>).</summary>
internal static class ManagementApiEndpoints
{
    public const string BasePath = "/api/v2";

    public static IEndpointRouteBuilder MapManagementApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(BasePath).DisableAntiforgery().AddEndpointFilter<ManagementRejections>();
        api.MapResourceServers();
        api.MapClients();
        api.MapClientGrants();
        api.MapUsers();
        api.MapRoles();
        api.MapRoleMembers();
        api.MapPermissions();
        api.MapTriggers();
        api.MapActions();
        api.MapActionTest();
        api.MapCanaries();
        api.MapBindings();
        api.MapExecutions();
        api.MapLogs();
        api.MapEnrollments();
        api.MapGuardianFactors();
        api.MapJobs();
        api.MapBranding();
        api.MapPromptTexts();
        api.MapPromptSettings();
        api.MapConnections();
        api.MapUserIdentities();
        api.MapTickets();
        api.MapEmailTemplates();
        api.MapAbsentFeatures();
        // Unknown paths, wrong methods and bodies that are not JSON answer in the API's own error format
        // (ManagementRequestErrors): a catch-all route here would turn a 405 or 415 into a 404.
        return routes;
    }
}
