namespace Flowgate.Runtime.Admin;

/// <summary>The outcome of checking an administrator's password.</summary>
public sealed record AdminSignInResult(AdminSignInStatus Status, AdminAccount? Account = null, DateTimeOffset? LockedUntil = null)
{
    public static AdminSignInResult Failed { get; } = new(AdminSignInStatus.Failed);
}
