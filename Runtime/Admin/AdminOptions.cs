using System.ComponentModel.DataAnnotations;

namespace Flowgate.Runtime.Admin;

/// <summary>The <c>Admin</c> section: password policy and lockout for dashboard administrators.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    [Range(8, 128)]
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>Failed sign-ins in a row before the account locks.</summary>
    [Range(1, 100)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;
}
