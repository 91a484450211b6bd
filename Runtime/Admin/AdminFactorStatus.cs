namespace Flowgate.Runtime.Admin;

/// <summary>What became of an administrator's factor code or credential.</summary>
public enum AdminFactorStatus
{
    Accepted,
    Wrong,
    LockedOut,
    NotEnrolled,
}
