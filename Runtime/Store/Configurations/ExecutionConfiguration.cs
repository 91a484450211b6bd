using Flowgate.Runtime.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class ExecutionConfiguration : IEntityTypeConfiguration<ExecutionRecord>
{
    public void Configure(EntityTypeBuilder<ExecutionRecord> builder)
    {
        builder.ToTable("Executions");
        builder.Property(e => e.Id).HasMaxLength(64);
        builder.Property(e => e.TenantId).HasMaxLength(64);
        builder.Property(e => e.TriggerId).HasMaxLength(64);
        builder.Property(e => e.Status).HasMaxLength(32);
        builder.HasIndex(e => new { e.TenantId, e.CreatedAt });
        builder.HasMany(e => e.Results).WithOne().HasForeignKey(r => r.ExecutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
