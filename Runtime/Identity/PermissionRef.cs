namespace Flowgate.Runtime.Identity;

/// <summary>A permission as the Management API names it: an API's identifier and one of its scopes.</summary>
public sealed record PermissionRef(string ResourceServerIdentifier, string PermissionName);
