namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /roles/{id}/users</c>: user ids.</summary>
internal sealed record UserIdsBody(IReadOnlyList<string>? Users);
