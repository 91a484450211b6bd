using Flowgate.Runtime.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class UserJobErrorConfiguration : IEntityTypeConfiguration<UserJobError>
{
    public void Configure(EntityTypeBuilder<UserJobError> builder)
    {
        builder.ToTable("UserJobErrors");
        builder.Property(e => e.JobId).HasMaxLength(32);
        builder.HasIndex(e => new { e.JobId, e.Row });
        builder.HasOne<UserJob>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
