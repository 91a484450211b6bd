using Flowgate.Runtime.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> builder)
    {
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(128);
        builder.Property(c => c.DisplayName).HasMaxLength(128);
        builder.Property(c => c.Strategy).HasMaxLength(64);
        builder.HasIndex(c => new { c.TenantId, c.Name }).IsUnique();
    }
}
