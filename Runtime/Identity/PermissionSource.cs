namespace Flowgate.Runtime.Identity;

/// <summary>Where a user's permission comes from: Auth0's <c>DIRECT</c> or <c>ROLE</c> (with the role's id and name).</summary>
public sealed record PermissionSource(string SourceType, string SourceId, string SourceName);
