namespace Flowgate.Runtime.Tenancy;

/// <summary>
/// The tenant the current operation acts for. One tenant per installation today; every query is
/// already written against this so tenant resolution by host name can be added in one place.
/// </summary>
public sealed record CurrentTenant(string Id)
{
    public static CurrentTenant Default { get; } = new(Tenant.DefaultId);
}
