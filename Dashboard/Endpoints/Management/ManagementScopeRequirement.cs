using Microsoft.AspNetCore.Authorization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// A Management API call needs a token for this server's <c>/api/v2/</c> audience carrying any one of
/// <see cref="AnyOf"/> (Auth0 lists several scopes for some endpoints, e.g. <c>update:roles</c> or <c>create:role_members</c>).
/// </summary>
internal sealed record ManagementScopeRequirement(IReadOnlyList<string> AnyOf) : IAuthorizationRequirement;
