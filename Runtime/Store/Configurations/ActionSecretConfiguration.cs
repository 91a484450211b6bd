using Flowgate.Runtime.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class ActionSecretConfiguration : IEntityTypeConfiguration<ActionSecret>
{
    public void Configure(EntityTypeBuilder<ActionSecret> builder)
    {
        builder.Property(s => s.ActionId).HasMaxLength(64);
        // Auth0's limit on a secret's key.
        builder.Property(s => s.Name).HasMaxLength(128);
        builder.HasIndex(s => new { s.ActionId, s.Name }).IsUnique();
    }
}
