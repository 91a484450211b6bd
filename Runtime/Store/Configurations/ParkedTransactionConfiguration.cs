using Flowgate.Runtime.Flows.Parking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class ParkedTransactionConfiguration : IEntityTypeConfiguration<ParkedTransaction>
{
    public void Configure(EntityTypeBuilder<ParkedTransaction> builder)
    {
        builder.ToTable("ParkedTransactions");
        builder.Property(p => p.Id).HasMaxLength(64);
        builder.Property(p => p.TenantId).HasMaxLength(64);
        builder.HasIndex(p => p.ExpiresAt); // the sweep of expired ones
    }
}
