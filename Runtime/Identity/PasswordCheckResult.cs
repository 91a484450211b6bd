namespace Flowgate.Runtime.Identity;

/// <summary>What a password check found. Only the tenant log may tell the refusals apart; the page says one thing.</summary>
public enum PasswordCheckResult
{
    Accepted,
    UnknownUser,
    WrongPassword,
    Locked,
}
