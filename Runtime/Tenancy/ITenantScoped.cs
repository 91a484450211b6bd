namespace Flowgate.Runtime.Tenancy;

/// <summary>Marks an entity that belongs to one tenant; the store filters on it.</summary>
public interface ITenantScoped
{
    string TenantId { get; }
}
