using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>What a copy of the database would give away about a user's factors: nothing usable.</summary>
public sealed class FactorStorageTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    [Fact]
    public async Task The_authenticator_key_is_encrypted_and_the_recovery_code_only_hashed()
    {
        var app = fixture.App;
        await app.DeployFlowAsync("post-login", ("mfa", MfaActions.RememberNotAllowed));
        var spa = await app.CreateSpaAsync();
        var enrolled = await EnrolledUser.CreateAsync(app, fixture.Clock, spa.ClientId);

        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        var rows = await db.MfaEnrollments.AsNoTracking().Where(e => e.UserId == enrolled.User.Id).ToListAsync();
        var otp = Assert.Single(rows, e => e.Type == MfaEnrollment.Otp);
        Assert.True(otp.Confirmed);
        Assert.DoesNotContain(Base32.Encode(enrolled.Key), otp.ProtectedSecret);
        Assert.DoesNotContain(Convert.ToBase64String(enrolled.Key), otp.ProtectedSecret);
        Assert.Equal(Totp.TimeStep(fixture.Clock.Now), otp.LastTimeStep);
        var recovery = Assert.Single(rows, e => e.Type == MfaEnrollment.RecoveryCode);
        Assert.Null(recovery.ProtectedSecret);
        Assert.Equal(MfaSecrets.HashRecoveryCode(enrolled.RecoveryCode), recovery.CodeHash);
        Assert.DoesNotContain(enrolled.RecoveryCode, recovery.CodeHash);
    }
}
