namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST</c> and <c>DELETE /users/{id}/roles</c>: role ids.</summary>
internal sealed record RoleIdsBody(IReadOnlyList<string>? Roles);
