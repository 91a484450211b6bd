namespace Flowgate.Runtime.Admin;

/// <summary>The outcome of a factor step; <paramref name="RecoveryCode"/> is a new recovery code to show once, if one was issued.</summary>
public sealed record AdminFactorResult(AdminFactorStatus Status, string? RecoveryCode = null, DateTimeOffset? LockedUntil = null, string? Reason = null)
{
    public bool Accepted => Status == AdminFactorStatus.Accepted;

    public static AdminFactorResult Wrong(string? reason = null) => new(AdminFactorStatus.Wrong, Reason: reason);
}
