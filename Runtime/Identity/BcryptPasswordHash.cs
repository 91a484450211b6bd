namespace Flowgate.Runtime.Identity;

/// <summary>An imported bcrypt hash (<c>$2a$</c>, <c>$2b$</c>, <c>$2y$</c>), verified by BCrypt.Net-Next.</summary>
internal sealed record BcryptPasswordHash(string Value) : ImportedPasswordHash
{
    // Past this cost one login would take minutes: such a hash is refused at import, not at login.
    internal const int MaxCost = 16;

    public override bool Verify(string password)
    {
        try
        {
            return BCrypt.Net.BCrypt.Verify(password, Value);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }

    internal static bool IsWellFormed(string value) =>
        value.Length == 60 && (value.StartsWith("$2a$", StringComparison.Ordinal) || value.StartsWith("$2b$", StringComparison.Ordinal)
            || value.StartsWith("$2y$", StringComparison.Ordinal))
        && value[6] == '$' && int.TryParse(value.AsSpan(4, 2), out var cost) && cost is >= 4 and <= MaxCost;
}
