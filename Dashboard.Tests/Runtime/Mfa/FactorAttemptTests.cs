using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Runtime.Mfa;

/// <summary>Guesses sent in parallel cannot exceed a factor's limit: each attempt is reserved in the database before its code is checked.</summary>
public sealed class FactorAttemptTests : IClassFixture<FlowgateAppFixture>
{
    private const int Guesses = 40;
    private readonly FlowgateApp _app;

    public FactorAttemptTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Forty_parallel_wrong_otp_codes_check_exactly_the_limit_then_the_right_code_is_locked_out_too()
    {
        var key = MfaSecrets.NewOtpKey();
        var userId = await EnrolAsync(MfaEnrollment.Otp, secrets => new { ProtectedSecret = secrets.Protect(key) });
        var verifier = _app.Services.GetRequiredService<MfaVerifier>();
        var wrong = WrongCode(key);

        var results = await Task.WhenAll(Enumerable.Range(0, Guesses).Select(_ => Task.Run(() => verifier.VerifyOtpAsync(userId, wrong, pending: false, CancellationToken.None))));

        AssertExactlyTheLimitWasChecked(results);
        Assert.Equal(MfaVerification.Locked, await verifier.VerifyOtpAsync(userId, Totp.Code(key, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30), pending: false, CancellationToken.None));
    }

    [Fact]
    public async Task Forty_parallel_wrong_recovery_codes_check_exactly_the_limit()
    {
        var code = MfaSecrets.NewRecoveryCode();
        var userId = await EnrolAsync(MfaEnrollment.RecoveryCode, _ => new { CodeHash = MfaSecrets.HashRecoveryCode(code) });
        var verifier = _app.Services.GetRequiredService<MfaVerifier>();

        var results = await Task.WhenAll(Enumerable.Range(0, Guesses).Select(i => Task.Run(async () =>
            (await verifier.UseRecoveryCodeAsync(userId, "WRONG" + i, CancellationToken.None)).Verification)));

        AssertExactlyTheLimitWasChecked(results);
        Assert.Equal(MfaVerification.Locked, (await verifier.UseRecoveryCodeAsync(userId, code, CancellationToken.None)).Verification);
    }

    // The limit-th wrong code locks the factor and says so; every code after it is refused unchecked.
    private static void AssertExactlyTheLimitWasChecked(MfaVerification[] results)
    {
        Assert.Equal(MfaVerifier.MaxFailedAttempts - 1, results.Count(r => r == MfaVerification.Wrong));
        Assert.Equal(Guesses - MfaVerifier.MaxFailedAttempts + 1, results.Count(r => r == MfaVerification.Locked));
    }

    private async Task<string> EnrolAsync(string type, Func<MfaSecrets, object> values)
    {
        var user = await _app.CreateUserAsync();
        var enrollment = new MfaEnrollment { Id = MfaEnrollment.NewId(type), UserId = user.Id, Type = type, Confirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var contexts = _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        db.MfaEnrollments.Add(enrollment);
        db.Entry(enrollment).CurrentValues.SetValues(values(_app.Services.GetRequiredService<MfaSecrets>()));
        await db.SaveChangesAsync();
        return user.Id;
    }

    // A code of another key, for the current step: a 6-digit guess that is not this key's.
    private static string WrongCode(byte[] key)
    {
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var mine = Enumerable.Range(-2, 5).Select(d => Totp.Code(key, step + d)).ToHashSet();
        string guess;
        do guess = Totp.Code(MfaSecrets.NewOtpKey(), step); while (mine.Contains(guess));
        return guess;
    }
}
