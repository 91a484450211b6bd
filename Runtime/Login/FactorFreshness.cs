namespace Flowgate.Runtime.Login;

/// <summary>
/// How recently a browser session passed a second factor. Changing the user's factors needs a pass within
/// <see cref="Window"/>: a session opened with the password alone (or long ago) must prove the factor again first.
/// </summary>
public static class FactorFreshness
{
    /// <summary>The session claim holding when a factor was last passed (Unix seconds).</summary>
    public const string ClaimType = "flowgate_mfa_at";

    /// <summary>How long a passed factor lets the user change their factors.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>Whether the claim's value is a pass within the window before <paramref name="now"/>.</summary>
    public static bool IsFresh(string? claimValue, DateTimeOffset now) =>
        PassedAt(claimValue) is { } passedAt && passedAt <= now.AddSeconds(1) && now - passedAt <= Window;

    /// <summary>When the claim's value says a factor was passed; null when it says nothing readable.</summary>
    public static DateTimeOffset? PassedAt(string? claimValue) =>
        long.TryParse(claimValue, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
        && seconds is > 0 and < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>The claim's value for a pass at <paramref name="now"/>.</summary>
    public static string ValueAt(DateTimeOffset now) => now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
