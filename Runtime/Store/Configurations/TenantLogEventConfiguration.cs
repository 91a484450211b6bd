using Flowgate.Runtime.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class TenantLogEventConfiguration : IEntityTypeConfiguration<TenantLogEvent>
{
    public void Configure(EntityTypeBuilder<TenantLogEvent> builder)
    {
        builder.ToTable("LogEvents");
        builder.Property(e => e.Id).HasMaxLength(64);
        builder.Property(e => e.TenantId).HasMaxLength(64);
        builder.Property(e => e.Type).HasMaxLength(32);
        builder.Property(e => e.ClientId).HasMaxLength(100);
        builder.Property(e => e.ClientName).HasMaxLength(200);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Ip).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(512);
        builder.Property(e => e.ExecutionId).HasMaxLength(64);
        // The log page filters by tenant and time first, then by type, user or application.
        builder.HasIndex(e => new { e.TenantId, e.Date });
        builder.HasIndex(e => new { e.TenantId, e.Type, e.Date });
        builder.HasIndex(e => new { e.TenantId, e.UserId, e.Date });
        builder.HasIndex(e => new { e.TenantId, e.ClientId, e.Date });
    }
}
