using Flowgate.Runtime.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<FlowgateApplication>
{
    public void Configure(EntityTypeBuilder<FlowgateApplication> builder)
    {
        builder.Property(a => a.TenantId).HasMaxLength(64);
        builder.Property(a => a.AppType).HasMaxLength(32);
        builder.Property(a => a.Description).HasMaxLength(1000);
        builder.HasIndex(a => a.TenantId);
    }
}
