using System.Security.Cryptography;
using System.Text;

namespace Flowgate.Runtime.Admin;

/// <summary>
/// The one-time token that opens <c>/account/setup</c> in Production, so a fresh install does not belong to its
/// first visitor. It is made at start while no administrator exists and written to the server log once; only its
/// SHA-256 is kept, in memory, and it is spent by the first setup that presents it (a restart makes a new one).
/// </summary>
public sealed class AdminSetupToken
{
    private readonly Lock _gate = new();
    private byte[]? _hash;

    /// <summary>A new token, replacing any earlier one; the caller logs it.</summary>
    public string Issue()
    {
        var token = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);
        lock (_gate)
            _hash = Hash(token);
        return token;
    }

    /// <summary>Spends the token: true once, for the right one.</summary>
    public bool TryRedeem(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
            return false;
        var presented = Hash(token.Trim());
        lock (_gate)
        {
            if (_hash is null || !CryptographicOperations.FixedTimeEquals(_hash, presented))
                return false;
            _hash = null;
            return true;
        }
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token.ToUpperInvariant()));
}
