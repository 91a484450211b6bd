namespace Flowgate.Runtime.Identity;

/// <summary>
/// A permission as listed for a role or a user, with the API's name and the scope's description;
/// <see cref="Sources"/> says where a user's permission comes from (directly, or which roles).
/// </summary>
public sealed record HeldPermission(
    string ResourceServerIdentifier,
    string PermissionName,
    string ResourceServerName,
    string Description,
    IReadOnlyList<PermissionSource> Sources);
