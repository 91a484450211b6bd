using Flowgate.Runtime.Limits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        // The upserts in RateLimitUpsert name the table and columns: keep them in step.
        builder.ToTable("RateLimitWindows");
        builder.HasKey(w => new { w.Key, w.WindowStart });
        builder.Property(w => w.Key).HasMaxLength(100);
        builder.HasIndex(w => w.ExpiresAt); // the sweep of expired windows
    }
}
