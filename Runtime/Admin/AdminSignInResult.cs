namespace Flowgate.Runtime.Admin;

/// <summary>The outcome of checking an administrator's password, and the step that comes next when it was right.</summary>
public sealed record AdminSignInResult(
    AdminSignInStatus Status, AdminAccount? Account = null, DateTimeOffset? LockedUntil = null, AdminSignInStep Next = AdminSignInStep.Session)
{
    public static AdminSignInResult Failed { get; } = new(AdminSignInStatus.Failed);
}
