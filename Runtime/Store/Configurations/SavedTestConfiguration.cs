using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Actions.SavedTests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class SavedTestConfiguration : IEntityTypeConfiguration<SavedTest>
{
    public void Configure(EntityTypeBuilder<SavedTest> builder)
    {
        builder.ToTable("ActionSavedTests");
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.TenantId).HasMaxLength(64);
        builder.Property(t => t.ActionId).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(SavedTestSuite.MaxNameLength);
        builder.Property(t => t.Kind).HasMaxLength(16);
        builder.HasIndex(t => new { t.ActionId, t.Name }).IsUnique();
        // Deleting an Action deletes its tests.
        builder.HasOne<ActionDefinition>().WithMany().HasForeignKey(t => t.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
