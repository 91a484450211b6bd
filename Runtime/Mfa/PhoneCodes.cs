using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Mfa;

/// <summary>
/// The phone factor's codes: 6 digits, good for <see cref="Lifetime"/> and once, kept only hashed; a resend
/// waits <see cref="SmsOptions.ResendCooldown"/> and the hourly limits of <see cref="SmsLimits"/>; wrong codes count toward the factor's lock like any other factor's.
/// Delivering a code is the caller's part (the send-phone-message flow).
/// </summary>
public sealed partial class PhoneCodes(
    IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, MfaSecrets secrets, MfaVerifier verifier,
    SmsLimits limits, IOptions<SmsOptions> sms, TimeProvider clock, ILogger<PhoneCodes> logger)
{
    public const int Digits = 6;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    /// <summary>The default of <see cref="SmsOptions.ResendCooldown"/>.</summary>
    public static readonly TimeSpan ResendCooldown = TimeSpan.FromSeconds(30);

    /// <summary>Starts (or restarts, with another number) the user's phone enrolment and makes its first code.</summary>
    public async Task<PhoneCodeIssue> BeginEnrollmentAsync(string userId, string phoneNumber, CancellationToken cancellationToken)
    {
        var number = Normalize(phoneNumber);
        if (number is null)
            return new PhoneCodeIssue(PhoneCodeStatus.InvalidNumber);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var phones = await db.MfaEnrollments.Where(e => e.TenantId == tenant.Id && e.UserId == userId && e.Type == MfaEnrollment.Phone).ToListAsync(cancellationToken);
        if (phones.Any(e => e.Confirmed))
            return new PhoneCodeIssue(PhoneCodeStatus.AlreadyEnrolled);
        var pending = phones.FirstOrDefault();
        if (pending is null)
        {
            pending = new MfaEnrollment
            {
                Id = MfaEnrollment.NewId("sms"),
                TenantId = tenant.Id, UserId = userId, Type = MfaEnrollment.Phone, CreatedAt = clock.GetUtcNow(),
            };
            db.MfaEnrollments.Add(pending);
        }
        // Another number keeps the cool-down and the counts: they belong to the user and enrolment, not the number.
        pending.ProtectedSecret = secrets.ProtectText(number);
        return await IssueAsync(db, pending, resend: true, cancellationToken);
    }

    /// <summary>A code for the enrolled phone (<paramref name="pending"/>: the enrolment in progress). Without <paramref name="resend"/>, a code still valid is not replaced.</summary>
    public async Task<PhoneCodeIssue> SendAsync(string userId, bool pending, bool resend, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var phone = await FindAsync(db, userId, pending, cancellationToken);
        return phone is null ? new PhoneCodeIssue(PhoneCodeStatus.NotEnrolled) : await IssueAsync(db, phone, resend, cancellationToken);
    }

    /// <summary>The enrolled number (pending or confirmed), or null when there is none.</summary>
    public async Task<string?> RecipientAsync(string userId, bool pending, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, userId, pending, cancellationToken) is { ProtectedSecret: { } number } ? secrets.UnprotectText(number) : null;
    }

    /// <summary>Checks a code; an accepted one is spent (and confirms a pending enrolment).</summary>
    public async Task<MfaVerification> VerifyAsync(string userId, string code, bool pending, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var phone = await FindAsync(db, userId, pending, cancellationToken);
        if (phone is null)
            return MfaVerification.NotEnrolled;
        var now = clock.GetUtcNow();
        if (phone.LockedUntil > now)
            return MfaVerification.Locked;
        if (phone.CodeHash is null || phone.CodeExpiresAt <= now)
            return MfaVerification.Expired;
        if (!await FactorAttempts.TryReserveAsync(db, phone, now, cancellationToken))
            return MfaVerification.Locked;
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(Hash(phone.Id, code.Trim().Replace(" ", ""))), Convert.FromHexString(phone.CodeHash)))
            return await verifier.FailAsync(db, phone, MfaVerification.Wrong, now, cancellationToken);
        phone.CodeHash = null;
        phone.CodeExpiresAt = null;
        // The cool-down stops floods of unused codes; once one is used, the next login may have one at once.
        phone.CodeSentAt = null;
        phone.Confirmed = true;
        FactorAttempts.Reset(db, phone);
        phone.LastAuthAt = now;
        return await MfaVerifier.SaveAsync(db, MfaVerification.Accepted, cancellationToken);
    }

    /// <summary>Finishes the enrolment with its code; the user's first factor also gets a recovery code, shown once.</summary>
    public async Task<OtpConfirmation> ConfirmEnrollmentAsync(string userId, string code, CancellationToken cancellationToken)
    {
        var verification = await VerifyAsync(userId, code, pending: true, cancellationToken);
        if (verification != MfaVerification.Accepted)
            return new OtpConfirmation(verification, null);
        logger.LogInformation("User {UserId} enrolled a phone", userId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recoveryCode = await verifier.FirstRecoveryCodeAsync(db, userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new OtpConfirmation(verification, recoveryCode);
    }

    /// <summary>Only the last four digits: enough for the user to recognise their phone, little for anyone else.</summary>
    public static string Mask(string number) =>
        number.Length <= 5 ? number : "+" + new string('*', number.Length - 5) + number[^4..];

    /// <summary>The number in E.164 form (spaces, dashes, dots and brackets dropped), or null when it is not one.</summary>
    public static string? Normalize(string input)
    {
        var number = new string([.. input.Where(c => c is not (' ' or '-' or '.' or '(' or ')'))]);
        return E164().IsMatch(number) ? number : null;
    }

    private async Task<PhoneCodeIssue> IssueAsync(FlowgateDbContext db, MfaEnrollment phone, bool resend, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var recipient = secrets.UnprotectText(phone.ProtectedSecret!);
        if (phone.LockedUntil > now)
            return new PhoneCodeIssue(PhoneCodeStatus.Locked, recipient);
        if (!resend && phone.CodeHash is not null && phone.CodeExpiresAt > now)
            return new PhoneCodeIssue(PhoneCodeStatus.StillValid, recipient);
        var cooldown = sms.Value.ResendCooldown;
        if (phone.CodeSentAt is { } sentAt && sentAt + cooldown > now)
            return new PhoneCodeIssue(PhoneCodeStatus.CoolingDown, recipient, Wait: sentAt + cooldown - now);
        if (await limits.TryTakeAsync(tenant.Id, phone.UserId, phone.Id, cancellationToken) is { } wait)
        {
            logger.LogWarning("Phone code for user {UserId} refused: the hourly SMS limit is reached", phone.UserId);
            return new PhoneCodeIssue(PhoneCodeStatus.CoolingDown, recipient, Wait: wait);
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        phone.CodeHash = Hash(phone.Id, code);
        phone.CodeExpiresAt = now + Lifetime;
        phone.CodeSentAt = now;
        if (await MfaVerifier.SaveAsync(db, MfaVerification.Accepted, cancellationToken) != MfaVerification.Accepted)
            return new PhoneCodeIssue(PhoneCodeStatus.CoolingDown, recipient, Wait: ResendCooldown);
        return new PhoneCodeIssue(PhoneCodeStatus.Issued, recipient, code);
    }

    private Task<MfaEnrollment?> FindAsync(FlowgateDbContext db, string userId, bool pending, CancellationToken cancellationToken) =>
        db.MfaEnrollments.FirstOrDefaultAsync(
            e => e.TenantId == tenant.Id && e.UserId == userId && e.Type == MfaEnrollment.Phone && e.Confirmed == !pending, cancellationToken);

    // Salted with the enrolment so equal codes of two users hash differently; a fast hash suffices for a code
    // that lives five minutes, works once and locks the factor after ten wrong guesses.
    private static string Hash(string enrollmentId, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(enrollmentId + ":" + code)));

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
