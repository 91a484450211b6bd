using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class TriggerBindingConfiguration : IEntityTypeConfiguration<TriggerBinding>
{
    public void Configure(EntityTypeBuilder<TriggerBinding> builder)
    {
        builder.Property(b => b.Id).HasMaxLength(64);
        builder.Property(b => b.TenantId).HasMaxLength(64);
        builder.Property(b => b.TriggerId).HasMaxLength(64);
        builder.Property(b => b.ActionId).HasMaxLength(64);
        builder.Property(b => b.DisplayName).HasMaxLength(200);
        builder.HasIndex(b => new { b.TenantId, b.TriggerId, b.Order });
        // A bound Action cannot be deleted without force: the service unbinds first, the database refuses otherwise.
        builder.HasOne<ActionDefinition>().WithMany().HasForeignKey(b => b.ActionId).OnDelete(DeleteBehavior.Restrict);
    }
}
