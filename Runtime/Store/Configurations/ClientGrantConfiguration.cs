using Flowgate.Runtime.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class ClientGrantConfiguration : IEntityTypeConfiguration<ClientGrant>
{
    public void Configure(EntityTypeBuilder<ClientGrant> builder)
    {
        builder.Property(g => g.Id).HasMaxLength(64);
        builder.Property(g => g.TenantId).HasMaxLength(64);
        builder.Property(g => g.ClientId).HasMaxLength(100);
        builder.Property(g => g.Audience).HasMaxLength(600);
        builder.HasIndex(g => new { g.TenantId, g.ClientId, g.Audience }).IsUnique();
    }
}
