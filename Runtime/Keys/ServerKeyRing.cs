using System.Security.Cryptography;
using Flowgate.Runtime.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Flowgate.Runtime.Keys;

/// <summary>
/// Loads the OIDC server's RSA keys from the database, creating them on first start. Keys live
/// in the database (private halves protected by Data Protection) so a restart, or another
/// instance behind the same load balancer, signs and validates with the same keys.
/// </summary>
public sealed class ServerKeyRing(IDbContextFactory<FlowgateDbContext> contexts, IDataProtectionProvider protection)
{
    private const string Purpose = "Flowgate.ServerKeys.v1";

    /// <summary>Returns the keys for a use (oldest first), creating one if there is none.</summary>
    public IReadOnlyList<RsaSecurityKey> GetOrCreate(string use)
    {
        var protector = protection.CreateProtector(Purpose);
        using var db = contexts.CreateDbContext();
        var rows = db.ServerKeys.Where(k => k.Use == use).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).ToList();
        if (rows.Count == 0)
            rows = CreateFirst(db, use, protector);
        return rows.Select(row => ToSecurityKey(row, protector)).ToList();
    }

    // Instances started together on a fresh database race to create the first key. Its id is fixed, so the primary
    // key lets one insert win; the others read the winner's key, and every instance signs and validates with the same.
    private static List<ServerKey> CreateFirst(FlowgateDbContext db, string use, IDataProtector protector)
    {
        using var rsa = RSA.Create(2048);
        var row = new ServerKey
        {
            Id = $"{use}-initial",
            Use = use,
            ProtectedPrivateKey = protector.Protect(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
        };
        db.ServerKeys.Add(row);
        try
        {
            db.SaveChanges();
            return [row];
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return db.ServerKeys.Where(k => k.Use == use).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).ToList();
        }
    }

    private static RsaSecurityKey ToSecurityKey(ServerKey row, IDataProtector protector)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(protector.Unprotect(row.ProtectedPrivateKey)), out _);
        return new RsaSecurityKey(rsa) { KeyId = row.Id };
    }
}
