using Microsoft.AspNetCore.Authorization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The token must be issued for this server's Management API audience.</summary>
internal sealed record ManagementAudienceRequirement : IAuthorizationRequirement;
