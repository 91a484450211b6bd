namespace Flowgate.Runtime.Identity;

/// <summary>
/// A password hash in the PHC string format, <c>$id[$v=version][$param=value(,param=value)*]$salt$hash</c>, as Auth0
/// takes argon2 and pbkdf2 hashes.
/// </summary>
internal sealed record PhcString(string Id, int? Version, IReadOnlyDictionary<string, string> Parameters, byte[] Salt, byte[] Hash)
{
    public static PhcString? Parse(string value)
    {
        var parts = value.Split('$');
        // "", id, [v=..], params, salt, hash
        if (parts.Length is not (5 or 6) || parts[0].Length != 0 || parts[1].Length == 0)
            return null;
        int? version = null;
        var next = 2;
        if (parts.Length == 6)
        {
            if (!parts[2].StartsWith("v=", StringComparison.Ordinal) || !int.TryParse(parts[2].AsSpan(2), out var v))
                return null;
            version = v;
            next = 3;
        }
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parts[next].Split(','))
        {
            var at = pair.IndexOf('=');
            if (at <= 0 || !parameters.TryAdd(pair[..at], pair[(at + 1)..]))
                return null;
        }
        if (HashEncoding.DecodePhcBase64(parts[next + 1]) is not { Length: > 0 } salt || HashEncoding.DecodePhcBase64(parts[next + 2]) is not { Length: > 0 } hash)
            return null;
        return new PhcString(parts[1], version, parameters, salt, hash);
    }

    /// <summary>A positive integer parameter no larger than <paramref name="max"/>; null when absent or out of range.</summary>
    public int? Number(string name, int max) =>
        Parameters.TryGetValue(name, out var text) && int.TryParse(text, out var n) && n > 0 && n <= max ? n : null;
}
