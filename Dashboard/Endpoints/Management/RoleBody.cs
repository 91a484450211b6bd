namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /roles</c> and <c>PATCH /roles/{id}</c>.</summary>
internal sealed record RoleBody(string? Name, string? Description);
