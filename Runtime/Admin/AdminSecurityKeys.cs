using System.Buffers.Text;
using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Mfa.WebAuthn;
using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Admin;

/// <summary>
/// An administrator's security keys (<see cref="MfaEnrollment.WebAuthnRoaming"/>) and passkeys
/// (<see cref="MfaEnrollment.WebAuthnPlatform"/>) as second factors, verified by the end users' WebAuthn checks
/// (<see cref="WebAuthnVerifier"/>, on Fido2) on challenges bound to the administrator and the step (<see cref="WebAuthnChallenges"/>).
/// </summary>
public sealed class AdminSecurityKeys(
    IDbContextFactory<FlowgateDbContext> contexts, WebAuthnChallenges challenges, AdminLockout lockout, TimeProvider clock, ILogger<AdminSecurityKeys> logger)
{
    /// <summary>What a challenge is for: this administrator, signing in (or re-checking) or adding a key.</summary>
    public static string Purpose(string adminId, bool enrolling) => (enrolling ? "admin-enrol|" : "admin-factor|") + adminId;

    /// <summary>A fresh challenge for the administrator's step.</summary>
    public byte[] Challenge(string adminId, bool enrolling) => challenges.Issue(Purpose(adminId, enrolling));

    /// <summary>The ceremony options for adding a key of <paramref name="type"/> (the administrator's keys excluded).</summary>
    public async Task<string> CreationOptionsAsync(RelyingParty rp, AdminAccount admin, string type, CancellationToken cancellationToken) =>
        CeremonyOptions.Creation(rp, WebAuthnCredentials.UserHandle(admin.Id), admin.Email, type, Challenge(admin.Id, enrolling: true),
            await KeysAsync(admin.Id, cancellationToken));

    /// <summary>The ceremony options for passing one of the administrator's keys; null when they have none.</summary>
    public async Task<string?> RequestOptionsAsync(RelyingParty rp, string adminId, CancellationToken cancellationToken)
    {
        var keys = await KeysAsync(adminId, cancellationToken);
        return keys.Count == 0 ? null
            : CeremonyOptions.Request(rp, Challenge(adminId, enrolling: false), keys, keys.All(k => k.Type == MfaEnrollment.WebAuthnPlatform));
    }

    /// <summary>Checks a new credential and adds it as the administrator's factor of <paramref name="type"/>.</summary>
    public async Task<AdminFactorResult> RegisterAsync(RelyingParty rp, string adminId, string type, CredentialResponse response, CancellationToken cancellationToken)
    {
        if (!MfaEnrollment.IsWebAuthn(type))
            return Refused(adminId, $"'{type}' is not a WebAuthn factor.");
        if (await RedeemAsync(response, Purpose(adminId, enrolling: true), cancellationToken) is { } refused)
            return Refused(adminId, refused);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var check = await WebAuthnVerifier.VerifyRegistrationAsync(rp, WebAuthnCredentials.UserHandle(adminId), type, response, async (id, ct) =>
        {
            var candidate = Base64Url.EncodeToString(id);
            return !await db.AdminFactors.AnyAsync(f => f.CredentialId == candidate, ct);
        }, cancellationToken);
        if (check.Value is not { } credential)
            return Refused(adminId, check.Reason!);
        var credentialId = Base64Url.EncodeToString(credential.Id);
        if (credentialId.Length > 450)
            return Refused(adminId, "The credential id is longer than Flowgate stores (337 bytes).");
        var now = clock.GetUtcNow();
        db.AdminFactors.Add(new AdminFactor
        {
            AdminId = adminId, Type = type, CreatedAt = now, LastUsedAt = now, CredentialId = credentialId, PublicKey = credential.PublicKey,
            SignCount = credential.SignCount, Transports = string.Join(',', response.Transports),
        });
        var recoveryCode = await AdminRecoveryCodes.FirstAsync(db, adminId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Administrator {AdminId} added a {FactorType} credential", adminId, type);
        return new AdminFactorResult(AdminFactorStatus.Accepted, recoveryCode);
    }

    /// <summary>Checks an assertion by one of the administrator's credentials, as a claimed attempt.</summary>
    public async Task<AdminFactorResult> VerifyAsync(RelyingParty rp, string adminId, CredentialResponse response, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.AdminFactors.Where(f => f.AdminId == adminId && f.CredentialId != null).ToListAsync(cancellationToken);
        if (keys.Count == 0)
            return new AdminFactorResult(AdminFactorStatus.NotEnrolled);
        return await lockout.AttemptAsync(db, adminId, async () =>
        {
            if (keys.FirstOrDefault(k => k.CredentialId == response.Id) is not { } key)
                return AdminFactorResult.Wrong("The credential is not one of the administrator's.");
            if (await RedeemAsync(response, Purpose(adminId, enrolling: false), cancellationToken) is { } refused)
                return AdminFactorResult.Wrong(refused);
            var check = await WebAuthnVerifier.VerifyAssertionAsync(rp, response, key.PublicKey!, (uint)(key.SignCount ?? 0),
                WebAuthnCredentials.UserHandle(adminId), key.Type == MfaEnrollment.WebAuthnPlatform, cancellationToken);
            if (check.Value is not { } assertion)
                return AdminFactorResult.Wrong(check.Reason);
            key.SignCount = assertion.SignCount;
            key.LastUsedAt = clock.GetUtcNow();
            return await AdminRecoveryCodes.SaveAsync(db, new AdminFactorResult(AdminFactorStatus.Accepted), cancellationToken);
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<MfaEnrollment>> KeysAsync(string adminId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.AdminFactors.AsNoTracking().Where(f => f.AdminId == adminId && f.CredentialId != null).ToListAsync(cancellationToken);
        return [.. keys.Select(k => k.AsEnrollment())];
    }

    private async Task<string?> RedeemAsync(CredentialResponse response, string purpose, CancellationToken cancellationToken) =>
        (await challenges.RedeemAsync(response.Challenge, purpose, cancellationToken))?.Reason;

    private AdminFactorResult Refused(string adminId, string reason)
    {
        logger.LogInformation("Security key refused for administrator {AdminId}: {Reason}", adminId, reason);
        return AdminFactorResult.Wrong(reason);
    }
}
