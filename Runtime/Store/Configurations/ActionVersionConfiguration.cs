using Flowgate.Runtime.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class ActionVersionConfiguration : IEntityTypeConfiguration<ActionVersion>
{
    public void Configure(EntityTypeBuilder<ActionVersion> builder)
    {
        builder.Property(v => v.Id).HasMaxLength(64);
        builder.Property(v => v.TenantId).HasMaxLength(64);
        builder.Property(v => v.ActionId).HasMaxLength(64);
        builder.Property(v => v.Runtime).HasMaxLength(32);
        builder.Property(v => v.RolledBackFromVersionId).HasMaxLength(64);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        // Version numbers are unique per Action: two concurrent deploys cannot both become "n+1".
        builder.HasIndex(v => new { v.ActionId, v.Number }).IsUnique();
        builder.HasOne<ActionDefinition>().WithMany().HasForeignKey(v => v.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
