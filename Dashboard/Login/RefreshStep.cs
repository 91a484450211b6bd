using System.Security.Claims;

namespace Flowgate.Dashboard.Login;

/// <summary>What a refresh token exchange ends in: the principal to issue tokens for, or the protocol error.</summary>
internal sealed record RefreshStep(ClaimsPrincipal? Principal, string? Error, string? Description);
