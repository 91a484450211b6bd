namespace Flowgate.Dashboard.Components.Account;

/// <summary>What the sign-in pages say, in one place.</summary>
internal static class AdminMessages
{
    public static string Locked(DateTimeOffset? until) => until is { } at
        ? $"This account is locked after too many failed attempts. Try again after {at:HH:mm} UTC."
        : "This account is locked after too many failed attempts. Try again later.";
}
