using Flowgate.Runtime.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class AdminAccountConfiguration : IEntityTypeConfiguration<AdminAccount>
{
    public void Configure(EntityTypeBuilder<AdminAccount> builder)
    {
        builder.Property(a => a.Id).HasMaxLength(64);
        builder.Property(a => a.TenantId).HasMaxLength(64);
        builder.Property(a => a.Email).HasMaxLength(256);
        builder.Property(a => a.NormalizedEmail).HasMaxLength(256);
        builder.Property(a => a.SecurityStamp).HasMaxLength(64);
        builder.HasIndex(a => a.NormalizedEmail).IsUnique();
    }
}
