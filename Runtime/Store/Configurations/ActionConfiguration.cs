using Flowgate.Runtime.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class ActionConfiguration : IEntityTypeConfiguration<ActionDefinition>
{
    public void Configure(EntityTypeBuilder<ActionDefinition> builder)
    {
        builder.ToTable("Actions");
        builder.Property(a => a.Id).HasMaxLength(64);
        builder.Property(a => a.TenantId).HasMaxLength(64);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.TriggerId).HasMaxLength(64);
        builder.Property(a => a.TriggerVersion).HasMaxLength(16);
        builder.Property(a => a.Runtime).HasMaxLength(32);
        builder.Property(a => a.DeployedVersionId).HasMaxLength(64);
        builder.Property(a => a.CanaryVersionId).HasMaxLength(64);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        // Auth0 binds by action name, so a name is unique within a tenant.
        builder.HasIndex(a => new { a.TenantId, a.Name }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.TriggerId });
        builder.HasOne<Tenancy.Tenant>().WithMany().HasForeignKey(a => a.TenantId);
        builder.HasMany(a => a.Secrets).WithOne().HasForeignKey(s => s.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Dependencies).WithOne().HasForeignKey(d => d.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
