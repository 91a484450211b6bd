using Flowgate.Runtime.Email.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class EmailTicketConfiguration : IEntityTypeConfiguration<EmailTicket>
{
    public void Configure(EntityTypeBuilder<EmailTicket> builder)
    {
        builder.ToTable("EmailTickets");
        builder.Property(t => t.Id).HasMaxLength(32);
        builder.Property(t => t.TenantId).HasMaxLength(64);
        builder.Property(t => t.Purpose).HasMaxLength(32);
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.Email).HasMaxLength(256);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.ResultUrl).HasMaxLength(2000);
        builder.Property(t => t.ClientId).HasMaxLength(200);
        builder.HasIndex(t => t.TokenHash).IsUnique(); // a link is found by its hash
        builder.HasIndex(t => t.ExpiresAt); // expired tickets are swept by age
        builder.HasOne<Identity.TenantUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
