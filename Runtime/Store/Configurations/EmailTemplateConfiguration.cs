using Flowgate.Runtime.Email.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class EmailTemplateConfiguration : IEntityTypeConfiguration<EmailTemplate>
{
    public void Configure(EntityTypeBuilder<EmailTemplate> builder)
    {
        builder.ToTable("EmailTemplates");
        builder.HasKey(t => new { t.TenantId, t.Name });
        builder.Property(t => t.TenantId).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(64);
        builder.Property(t => t.Subject).HasMaxLength(EmailTemplate.MaxSubject);
        builder.Property(t => t.From).HasMaxLength(EmailTemplate.MaxFrom);
        builder.Property(t => t.Syntax).HasMaxLength(16);
        builder.Property(t => t.ResultUrl).HasMaxLength(EmailTemplate.MaxResultUrl);
    }
}
