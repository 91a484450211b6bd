using Flowgate.Runtime.Mfa.WebAuthn;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flowgate.Runtime.Store.Configurations;

internal sealed class AnsweredChallengeConfiguration : IEntityTypeConfiguration<AnsweredChallenge>
{
    public void Configure(EntityTypeBuilder<AnsweredChallenge> builder)
    {
        builder.ToTable("WebAuthnAnsweredChallenges");
        builder.Property(c => c.Id).HasMaxLength(32);
        builder.HasIndex(c => c.ExpiresAt); // the sweep of expired ones
    }
}
