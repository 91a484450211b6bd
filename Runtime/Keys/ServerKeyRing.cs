using System.Security.Cryptography;
using Flowgate.Runtime.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Flowgate.Runtime.Keys;

/// <summary>
/// Loads the OIDC server's keys from the database, creating them on first start: RSA keys for what others verify or
/// encrypt to, and an internal secret for what only the server reads back. Keys live in the database (private halves
/// protected by Data Protection) so a restart, or another instance behind the same load balancer, signs and validates
/// with the same keys.
/// </summary>
public sealed class ServerKeyRing(IDbContextFactory<FlowgateDbContext> contexts, IDataProtectionProvider protection)
{
    private const string Purpose = "Flowgate.ServerKeys.v1";

    /// <summary>Returns the RSA keys for a use (oldest first), creating one if there is none.</summary>
    public IReadOnlyList<RsaSecurityKey> GetOrCreate(string use) =>
        Load(use, () =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportPkcs8PrivateKey();
        }).Select(key =>
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(key.Material, out _);
            CryptographicOperations.ZeroMemory(key.Material); // the private key lives on in the RSA object only
            return new RsaSecurityKey(rsa) { KeyId = key.Id };
        }).ToList();

    /// <summary>
    /// The internal secrets (256 random bits each, oldest first), creating one if there is none: never published, they
    /// protect what only this server (any of its instances) reads back.
    /// </summary>
    public IReadOnlyList<InternalSecret> GetOrCreateInternal() =>
        Load(ServerKeyUse.Internal, () => RandomNumberGenerator.GetBytes(32)).Select(key => new InternalSecret(key.Id, key.Material)).ToList();

    private List<(string Id, byte[] Material)> Load(string use, Func<byte[]> generate)
    {
        var protector = protection.CreateProtector(Purpose);
        using var db = contexts.CreateDbContext();
        var rows = db.ServerKeys.Where(k => k.Use == use).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).ToList();
        if (rows.Count == 0)
            rows = CreateFirst(db, use, protector, generate());
        return rows.Select(row => (row.Id, Convert.FromBase64String(protector.Unprotect(row.ProtectedPrivateKey)))).ToList();
    }

    // Instances started together on a fresh database race to create the first key. Its id is fixed, so the primary
    // key lets one insert win; the others read the winner's key, and every instance signs and validates with the same.
    private static List<ServerKey> CreateFirst(FlowgateDbContext db, string use, IDataProtector protector, byte[] material)
    {
        var row = new ServerKey
        {
            Id = $"{use}-initial",
            Use = use,
            ProtectedPrivateKey = protector.Protect(Convert.ToBase64String(material)),
        };
        CryptographicOperations.ZeroMemory(material);
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
}

/// <summary>An internal secret of the server, by its key id: see <see cref="ServerKeyRing.GetOrCreateInternal"/>.</summary>
public sealed record InternalSecret(string Id, byte[] Secret);
