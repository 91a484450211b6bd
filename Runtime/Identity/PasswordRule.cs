namespace Flowgate.Runtime.Identity;

/// <summary>One requirement of the <see cref="PasswordPolicy"/>: an Identity error code, the sentence users read, the check.</summary>
public sealed record PasswordRule(string Code, string Description, Func<string, bool> IsSatisfiedBy);
