using Flowgate.Runtime.Mfa;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class MfaEnrollmentConfiguration : IEntityTypeConfiguration<MfaEnrollment>
{
    public void Configure(EntityTypeBuilder<MfaEnrollment> builder)
    {
        builder.Property(e => e.Id).HasMaxLength(64);
        builder.Property(e => e.TenantId).HasMaxLength(64);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Type).HasMaxLength(32);
        builder.Property(e => e.CodeHash).HasMaxLength(64);
        // Accepting a TOTP step is a compare-and-set: a concurrent request with the same code loses.
        builder.Property(e => e.LastTimeStep).IsConcurrencyToken();
        // A phone code is spent by clearing its hash: of two requests with the same code, one wins.
        builder.Property(e => e.CodeHash).IsConcurrencyToken();
        builder.HasIndex(e => new { e.TenantId, e.UserId });
        builder.HasOne<Identity.TenantUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
