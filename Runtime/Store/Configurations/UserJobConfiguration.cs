using Flowgate.Runtime.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class UserJobConfiguration : IEntityTypeConfiguration<UserJob>
{
    public void Configure(EntityTypeBuilder<UserJob> builder)
    {
        builder.ToTable("UserJobs");
        builder.Property(j => j.Id).HasMaxLength(32);
        builder.Property(j => j.TenantId).HasMaxLength(64);
        builder.Property(j => j.Type).HasMaxLength(32);
        builder.Property(j => j.Status).HasMaxLength(16);
        builder.Property(j => j.ConnectionId).HasMaxLength(64);
        builder.Property(j => j.Connection).HasMaxLength(128);
        builder.Property(j => j.ExternalId).HasMaxLength(UserJob.MaxExternalId);
        builder.Property(j => j.Format).HasMaxLength(8);
        builder.Property(j => j.FailureMessage).HasMaxLength(UserJob.MaxFailureMessage);
        builder.HasIndex(j => j.Status); // pending jobs taken up at start
    }
}
