using System.Data.Common;
using System.Text.Json;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Jobs;

/// <summary>
/// Writes one batch of valid import rows in one transaction: users found by e-mail are updated (with upsert) or
/// reported as duplicates, the others inserted. If the database refuses the batch (a user created meanwhile by
/// someone else), each row is written alone so only the row at fault fails. New users go in with multi-row inserts
/// (<see cref="BulkInsert"/>), not through the change tracker, which cost most of a large import's CPU.
/// </summary>
internal sealed class ImportBatch(IDbContextFactory<FlowgateDbContext> contexts, ILookupNormalizer normalizer, MfaSecrets secrets, TimeProvider clock, UserJob job)
{
    public async Task WriteAsync(IReadOnlyList<(int Row, JsonElement Json, ImportedUser User)> batch, List<UserJobError> failures,
        ImportCounts counts, CancellationToken cancellationToken)
    {
        var refused = new List<UserJobError>();
        var written = new ImportCounts();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var emails = batch.Select(b => normalizer.NormalizeEmail(b.User.Email)).Distinct().ToList();
        var ids = batch.Where(b => b.User.UserId is not null).Select(b => "auth0|" + b.User.UserId).Distinct().ToList();
        var existing = await db.Users.Where(u => u.TenantId == job.TenantId && (emails.Contains(u.NormalizedEmail!) || ids.Contains(u.Id)))
            .ToListAsync(cancellationToken);
        var byEmail = existing.Where(u => u.NormalizedEmail is not null).GroupBy(u => u.NormalizedEmail!).ToDictionary(g => g.Key, g => g.First());
        var byId = existing.ToDictionary(u => u.Id);
        var usernames = await ImportUsernames.LoadAsync(db, job.TenantId, batch.Select(b => b.User), cancellationToken);
        var now = clock.GetUtcNow();
        var inserts = new List<TenantUser>();
        foreach (var (row, json, user) in batch)
        {
            var email = normalizer.NormalizeEmail(user.Email);
            var id = user.UserId is { } given ? "auth0|" + given : null;
            byEmail.TryGetValue(email, out var found);
            if (id is not null && byId.TryGetValue(id, out var holder) && holder != found)
                refused.Add(UserImport.Failure(job.Id, row, json, [new("DUPLICATED_USER", $"The user_id {user.UserId} belongs to another user", "user_id")]));
            else if (usernames.Problem(user, found) is { } usernameProblem)
                refused.Add(UserImport.Failure(job.Id, row, json, [usernameProblem]));
            else if (found is null)
            {
                var created = Create(user, id, email, now);
                usernames.Assign(created, user);
                inserts.Add(created);
                db.MfaEnrollments.AddRange(user.Factors.Select(f => Enrollment(f, created, now)));
                byEmail[email] = byId[created.Id] = created;
                written.Inserted++;
            }
            else if (!job.Upsert)
                refused.Add(UserImport.Failure(job.Id, row, json, [new("DUPLICATED_USER", "The user already exist and upsert parameter is false", "")]));
            else
            {
                Upsert(found, user, now);
                usernames.Assign(found, user);
                written.Updated++;
            }
        }
        try
        {
            // Users first: the factors' rows refer to them. A refusal rolls the whole batch back before the retries. SQL
            // Server retries transient failures, which needs the transaction inside its execution strategy, whole.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await BulkInsert.InsertAsync(db, inserts, cancellationToken);
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            db.ChangeTracker.AcceptAllChanges();
        }
        catch (Exception e) when (e is DbUpdateException or DbException && batch.Count > 1)
        {
            foreach (var single in batch)
                await WriteAsync([single], failures, counts, cancellationToken);
            return;
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            failures.Add(UserImport.Failure(job.Id, batch[0].Row, batch[0].Json, [new("DUPLICATED_USER", $"The database refused the user: {e.InnerException?.Message ?? e.Message}", "")]));
            return;
        }
        failures.AddRange(refused);
        counts.Inserted += written.Inserted;
        counts.Updated += written.Updated;
    }

    private TenantUser Create(ImportedUser user, string? id, string normalizedEmail, DateTimeOffset now) => new()
    {
        Id = id ?? UserIds.NewDatabaseUserId(),
        TenantId = job.TenantId,
        // The e-mail is a database user's user name, as for users created in Flowgate.
        UserName = user.Email,
        NormalizedUserName = normalizer.NormalizeName(user.Email),
        Email = user.Email,
        NormalizedEmail = normalizedEmail,
        EmailConfirmed = user.EmailVerified ?? false,
        Name = user.Name ?? user.Email,
        Nickname = user.Nickname ?? user.Email.Split('@')[0],
        GivenName = user.GivenName,
        FamilyName = user.FamilyName,
        Picture = user.Picture,
        Blocked = user.Blocked ?? false,
        UserMetadataJson = user.UserMetadataJson ?? "{}",
        AppMetadataJson = user.AppMetadataJson ?? "{}",
        PasswordHash = user.PasswordHash?.ToStored(),
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
        CreatedAt = now,
        UpdatedAt = now,
    };

    // Auth0's upsert: profile fields, email_verified and metadata (merged); blocked, user_id and password_hash stay.
    private static void Upsert(TenantUser found, ImportedUser user, DateTimeOffset now)
    {
        found.EmailConfirmed = user.EmailVerified ?? found.EmailConfirmed;
        found.Name = user.Name ?? found.Name;
        found.Nickname = user.Nickname ?? found.Nickname;
        found.GivenName = user.GivenName ?? found.GivenName;
        found.FamilyName = user.FamilyName ?? found.FamilyName;
        found.Picture = user.Picture ?? found.Picture;
        if (user.UserMetadataJson is { } userMetadata)
            found.UserMetadataJson = UserMetadata.Merge(found.UserMetadataJson, Object(userMetadata), "user_metadata");
        if (user.AppMetadataJson is { } appMetadata)
            found.AppMetadataJson = UserMetadata.Merge(found.AppMetadataJson, Object(appMetadata), "app_metadata");
        // A custom hash not yet replaced by a login may be corrected by importing it again.
        if (user is { PasswordHash: { } hash, PasswordHashIsCustom: true } && (found.PasswordHash is null || ImportedPasswordHash.IsStored(found.PasswordHash)))
            found.PasswordHash = hash.ToStored();
        found.UpdatedAt = now;
    }

    // Confirmed at once: the user proved these factors on Auth0 already.
    private MfaEnrollment Enrollment(ImportedFactor factor, TenantUser user, DateTimeOffset now) => new()
    {
        Id = MfaEnrollment.NewId(factor.Type == MfaEnrollment.Otp ? "totp" : "sms"),
        TenantId = user.TenantId,
        UserId = user.Id,
        Type = factor.Type,
        CreatedAt = now,
        Confirmed = true,
        ProtectedSecret = factor.TotpKey is { } key ? secrets.Protect(key) : secrets.ProtectText(factor.Phone!),
    };

    private static System.Text.Json.Nodes.JsonObject Object(string json) => UserMetadata.Parse(json);
}
