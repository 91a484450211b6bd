using Flowgate.Runtime.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class TenantUserConfiguration : IEntityTypeConfiguration<TenantUser>
{
    public void Configure(EntityTypeBuilder<TenantUser> builder)
    {
        builder.Property(u => u.TenantId).HasMaxLength(64);
        builder.Property(u => u.Name).HasMaxLength(256);
        builder.Property(u => u.Nickname).HasMaxLength(256);
        builder.Property(u => u.GivenName).HasMaxLength(256);
        builder.Property(u => u.FamilyName).HasMaxLength(256);
        builder.Property(u => u.Picture).HasMaxLength(2000);
        builder.HasIndex(u => new { u.TenantId, u.NormalizedEmail });
        builder.Property(u => u.DatabaseUsername).HasMaxLength(UsernamePolicy.MaxLength);
        builder.Property(u => u.NormalizedDatabaseUsername).HasMaxLength(UsernamePolicy.MaxLength);
        // Usernames are unique per tenant (users without one have null, which no unique index counts).
        builder.HasIndex(u => new { u.TenantId, u.NormalizedDatabaseUsername }).IsUnique();
        // A database user linked into another is no user (not listed, not found by id or address, no session): only
        // the password login and unlinking reach it, with IgnoreQueryFilters.
        builder.Property(u => u.LinkedToUserId).HasMaxLength(450);
        builder.HasIndex(u => u.LinkedToUserId);
        builder.HasQueryFilter(u => u.LinkedToUserId == null);
    }
}
