namespace Flowgate.Runtime.Admin;

/// <summary>Whether a sign-in attempt succeeded, failed, or hit a locked account.</summary>
public enum AdminSignInStatus
{
    Succeeded,
    Failed,
    LockedOut,
}
