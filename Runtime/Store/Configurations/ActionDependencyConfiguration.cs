using Flowgate.Runtime.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class ActionDependencyConfiguration : IEntityTypeConfiguration<ActionDependency>
{
    public void Configure(EntityTypeBuilder<ActionDependency> builder)
    {
        builder.Property(d => d.ActionId).HasMaxLength(64);
        builder.Property(d => d.Name).HasMaxLength(214);
        builder.Property(d => d.Version).HasMaxLength(64);
        builder.Property(d => d.RegistryUrl).HasMaxLength(500);
        builder.HasIndex(d => new { d.ActionId, d.Name }).IsUnique();
    }
}
