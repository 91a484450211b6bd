using Flowgate.Runtime.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class ResourceServerConfiguration : IEntityTypeConfiguration<ResourceServer>
{
    public void Configure(EntityTypeBuilder<ResourceServer> builder)
    {
        builder.Property(r => r.Id).HasMaxLength(64);
        builder.Property(r => r.TenantId).HasMaxLength(64);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Identifier).HasMaxLength(600);
        builder.Property(r => r.TokenDialect).HasMaxLength(32);
        builder.Property(r => r.SigningAlg).HasMaxLength(16);
        builder.HasIndex(r => new { r.TenantId, r.Identifier }).IsUnique();
    }
}
