namespace Flowgate.Runtime.Mfa;

/// <summary>
/// The <c>Mfa:Sms</c> section: how many phone codes may go out. Every SMS costs the operator money and SMS pumping
/// fraud sends many, so the limits count per enrolment, per user and per tenant, whatever number is asked for;
/// changing the number restarts none of them. Validated on start.
/// </summary>
public sealed class SmsOptions
{
    public const string Section = "Mfa:Sms";

    /// <summary>Wait between two codes to one enrolment (kept in the database, so it holds across instances).</summary>
    public TimeSpan ResendCooldown { get; set; } = PhoneCodes.ResendCooldown;

    /// <summary>Codes one enrolment may be sent in an hour.</summary>
    public int PerEnrollmentPerHour { get; set; } = 10;

    /// <summary>Codes one user may be sent in an hour, over all their enrolments (a new enrolment is no way around it).</summary>
    public int PerUserPerHour { get; set; } = 20;

    /// <summary>Codes the whole tenant may send in an hour: the bound on what an attack can cost.</summary>
    public int PerTenantPerHour { get; set; } = 1000;

    /// <summary>What is wrong with the values, or null.</summary>
    public string? Problem() =>
        ResendCooldown < TimeSpan.Zero ? "Mfa:Sms:ResendCooldown cannot be negative."
        : PerEnrollmentPerHour < 1 || PerUserPerHour < 1 || PerTenantPerHour < 1 ? "Mfa:Sms:PerEnrollmentPerHour, PerUserPerHour and PerTenantPerHour must be at least 1."
        : null;
}
