using Flowgate.Runtime.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class ExecutionActionResultConfiguration : IEntityTypeConfiguration<ExecutionActionResult>
{
    public void Configure(EntityTypeBuilder<ExecutionActionResult> builder)
    {
        builder.ToTable("ExecutionResults");
        builder.Property(r => r.ExecutionId).HasMaxLength(64);
        builder.Property(r => r.ActionId).HasMaxLength(64);
        builder.Property(r => r.ActionName).HasMaxLength(200);
        builder.Property(r => r.VersionId).HasMaxLength(64);
        builder.Property(r => r.BindingId).HasMaxLength(64);
        builder.Property(r => r.Status).HasMaxLength(32);
        builder.Property(r => r.ErrorClass).HasMaxLength(32);
        builder.Property(r => r.ErrorName).HasMaxLength(200);
        // Per-Action metrics read results by Action and time.
        builder.HasIndex(r => new { r.ActionId, r.StartedAt });
    }
}
