using System.ComponentModel.DataAnnotations;

namespace Flowgate.Runtime.Monitoring;

/// <summary>The <c>Executions</c> section: how long trigger execution records are kept.</summary>
public sealed class ExecutionLogOptions
{
    public const string Section = "Executions";

    /// <summary>Days an execution record is kept before it is purged (Auth0 keeps them 10 days).</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 10;

    /// <summary>Days a tenant log event (logins, signups, token exchanges) is kept.</summary>
    [Range(1, 3650)]
    public int LogRetentionDays { get; set; } = 30;
}
