using Flowgate.Runtime.Branding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class PromptCustomTextConfiguration : IEntityTypeConfiguration<PromptCustomText>
{
    public void Configure(EntityTypeBuilder<PromptCustomText> builder)
    {
        builder.ToTable("PromptCustomTexts");
        builder.HasKey(t => new { t.TenantId, t.Prompt, t.Language });
        builder.Property(t => t.TenantId).HasMaxLength(64);
        builder.Property(t => t.Prompt).HasMaxLength(64);
        builder.Property(t => t.Language).HasMaxLength(16);
        builder.HasOne<Tenancy.Tenant>().WithMany().HasForeignKey(t => t.TenantId);
    }
}
