using Flowgate.Runtime.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class AdminFactorConfiguration : IEntityTypeConfiguration<AdminFactor>
{
    public void Configure(EntityTypeBuilder<AdminFactor> builder)
    {
        builder.Property(f => f.Id).HasMaxLength(64);
        builder.Property(f => f.TenantId).HasMaxLength(64);
        builder.Property(f => f.AdminId).HasMaxLength(64);
        builder.Property(f => f.Type).HasMaxLength(32);
        builder.Property(f => f.CodeHash).HasMaxLength(64);
        builder.Property(f => f.Transports).HasMaxLength(128);
        // Of two requests with the same TOTP code or the same assertion counter, one wins.
        builder.Property(f => f.LastTimeStep).IsConcurrencyToken();
        builder.Property(f => f.SignCount).IsConcurrencyToken();
        builder.Property(f => f.CredentialId).HasMaxLength(450);
        builder.HasIndex(f => f.CredentialId).IsUnique();
        builder.HasIndex(f => f.AdminId);
        builder.HasOne<AdminAccount>().WithMany().HasForeignKey(f => f.AdminId).OnDelete(DeleteBehavior.Cascade);
    }
}
