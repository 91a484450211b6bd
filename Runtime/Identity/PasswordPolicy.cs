namespace Flowgate.Runtime.Identity;

/// <summary>
/// The tenant's password policy, as Auth0's database connection has it: a strength level (<c>options.passwordPolicy</c>:
/// none, low, fair, good, excellent) and an optional minimum length that replaces the level's
/// (<c>options.password_complexity_options.min_length</c>). <see cref="Rules"/> is the one place both the check and the
/// hosted pages' list of requirements come from.
/// </summary>
public sealed record PasswordPolicy(string Level, int? MinLength)
{
    public const string None = "none", Low = "low", Fair = "fair", Good = "good", Excellent = "excellent";

    /// <summary>Auth0's levels, weakest first.</summary>
    public static readonly IReadOnlyList<string> Levels = [None, Low, Fair, Good, Excellent];

    /// <summary>The longest minimum an administrator may set.</summary>
    public const int MaxMinLength = 128;

    /// <summary>Flowgate's default: any 8 characters (length over composition, NIST SP 800-63B).</summary>
    public static PasswordPolicy Default { get; } = new(Low, 8);

    /// <summary>The minimum length in force: the one set, else the level's own.</summary>
    public int EffectiveMinLength => MinLength ?? Level switch
    {
        None => 1,
        Low => 6,
        Fair or Good => 8,
        _ => 10,
    };

    /// <summary>Null when the policy can be stored; otherwise the reason.</summary>
    public string? Problem() =>
        !Levels.Contains(Level) ? $"The password policy must be one of {string.Join(", ", Levels)} (got '{Level}')."
        : MinLength is < 1 or > MaxMinLength ? $"The minimum password length must be between 1 and {MaxMinLength}."
        : null;

    /// <summary>What a password must satisfy, in the order the hosted pages list them.</summary>
    public IReadOnlyList<PasswordRule> Rules()
    {
        var length = EffectiveMinLength;
        var rules = new List<PasswordRule>
        {
            new("PasswordTooShort", $"At least {length} character{(length == 1 ? "" : "s")}", p => p.Length >= length),
        };
        if (Level == Fair)
        {
            rules.Add(new("PasswordRequiresLower", "Lower case letters (a-z)", p => p.Any(char.IsLower)));
            rules.Add(new("PasswordRequiresUpper", "Upper case letters (A-Z)", p => p.Any(char.IsUpper)));
            rules.Add(new("PasswordRequiresDigit", "Numbers (0-9)", p => p.Any(char.IsDigit)));
        }
        if (Level is Good or Excellent)
            rules.Add(new("PasswordRequiresVariety",
                "At least 3 of these: lower case letters (a-z), upper case letters (A-Z), numbers (0-9), special characters (e.g. !@#$%^&*)",
                p => Kinds(p) >= 3));
        if (Level == Excellent)
            rules.Add(new("PasswordRepeatsCharacters", "No more than 2 identical characters in a row (e.g. \"aaa\" is not allowed)", p => !Repeats(p)));
        return rules;
    }

    private static int Kinds(string password) =>
        (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsDigit) ? 1 : 0)
        + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);

    private static bool Repeats(string password)
    {
        for (var i = 2; i < password.Length; i++)
            if (password[i] == password[i - 1] && password[i] == password[i - 2])
                return true;
        return false;
    }
}
