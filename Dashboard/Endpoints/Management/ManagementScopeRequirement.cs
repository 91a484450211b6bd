using Microsoft.AspNetCore.Authorization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>A Management API call needs a token for this server's <c>/api/v2/</c> audience carrying <see cref="Scope"/>.</summary>
internal sealed record ManagementScopeRequirement(string Scope) : IAuthorizationRequirement;
