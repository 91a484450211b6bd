using System.Security.Cryptography;
using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Monitoring;

/// <summary>A tenant log event in Auth0's shape (<c>type</c> codes such as <c>s</c>, <c>f</c>, <c>ss</c>, <c>seccft</c>).</summary>
public sealed class TenantLogEvent : ITenantScoped
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string Type { get; init; }
    public DateTimeOffset Date { get; init; } = DateTimeOffset.UtcNow;
    public string? Description { get; init; }
    public string? ClientId { get; init; }
    public string? ClientName { get; init; }
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    public string? Ip { get; init; }
    public string? UserAgent { get; init; }
    /// <summary>The trigger execution this event links to, if a flow ran.</summary>
    public string? ExecutionId { get; init; }
    public string DetailsJson { get; init; } = "{}";

    /// <summary>A new id, sortable like Auth0's log ids: time first, then randomness so ids within one millisecond stay unique.</summary>
    public static string NewId() => $"90{DateTimeOffset.UtcNow:yyyyMMddHHmmssfff}{RandomNumberGenerator.GetHexString(16, lowercase: true)}";
}
