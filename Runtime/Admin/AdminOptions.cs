using System.ComponentModel.DataAnnotations;

namespace Flowgate.Runtime.Admin;

/// <summary>The <c>Admin</c> section: password policy, lockout, second factors and sign-in limits for dashboard administrators.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    [Range(8, 128)]
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>Failed sign-in steps (passwords and factor codes) in a row before the account locks.</summary>
    [Range(1, 100)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Whether every administrator needs a second factor: one without must enrol right after the password.
    /// Unset means true in Production and false elsewhere (tests and development sign in with a password).
    /// </summary>
    public bool? RequireMfa { get; set; }

    /// <summary>
    /// Whether <c>/account/setup</c> asks for the one-time token the server logs at start while no administrator
    /// exists. Unset means true in Production and false elsewhere.
    /// </summary>
    public bool? RequireSetupToken { get; set; }

    /// <summary>How often an open dashboard circuit checks that its administrator's session is still valid.</summary>
    [Range(1, 3600)]
    public int CircuitRevalidationSeconds { get; set; } = 30;

    /// <summary>How recent the last factor check must be to add or remove a factor.</summary>
    [Range(1, 60)]
    public int FreshFactorMinutes { get; set; } = 5;

    /// <summary>Sign-in posts (password, factor, setup) per minute from one IP address.</summary>
    [Range(1, 100_000)]
    public int SignInPermitsPerMinutePerIp { get; set; } = 20;

    /// <summary>Password posts per minute naming one account, from anywhere.</summary>
    [Range(1, 100_000)]
    public int SignInPermitsPerMinutePerAccount { get; set; } = 10;
}
