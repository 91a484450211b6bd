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
        // A passkey login finds its credential by id; 450 characters of base64url keep the index within SQL Server's key size.
        builder.Property(e => e.CredentialId).HasMaxLength(450);
        builder.HasIndex(e => new { e.TenantId, e.CredentialId }).IsUnique();
        builder.Property(e => e.Transports).HasMaxLength(128);
        builder.Property(e => e.UserHandle).HasMaxLength(128);
        // Like the TOTP step: of two assertions racing with one counter value, one loses.
        builder.Property(e => e.SignCount).IsConcurrencyToken();
        builder.HasOne<Identity.TenantUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
