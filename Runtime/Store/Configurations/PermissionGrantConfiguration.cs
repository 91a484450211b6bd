using Flowgate.Runtime.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class PermissionGrantConfiguration : IEntityTypeConfiguration<PermissionGrant>
{
    public void Configure(EntityTypeBuilder<PermissionGrant> builder)
    {
        builder.HasKey(p => new { p.TenantId, p.HolderKind, p.HolderId, p.ResourceServerIdentifier, p.PermissionName });
        builder.Property(p => p.TenantId).HasMaxLength(64);
        builder.Property(p => p.HolderKind).HasMaxLength(8);
        builder.Property(p => p.HolderId).HasMaxLength(450);
        builder.Property(p => p.ResourceServerIdentifier).HasMaxLength(600);
        builder.Property(p => p.PermissionName).HasMaxLength(280);
        builder.HasIndex(p => new { p.TenantId, p.ResourceServerIdentifier });
    }
}
