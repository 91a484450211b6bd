namespace Flowgate.Runtime.Limits;

/// <summary>
/// How many hits one limit counted for one partition (an IP, an account, a user) in one fixed window. Kept in the
/// database so every instance counts into the same row.
/// </summary>
public sealed class RateLimitWindow
{
    /// <summary>The limit's name and the SHA-256 of the partition: no address or account name is stored.</summary>
    public required string Key { get; set; }

    /// <summary>The window's start, in Unix seconds (a multiple of the window's length).</summary>
    public long WindowStart { get; set; }

    public int Count { get; set; }

    /// <summary>Unix seconds after which the row is no longer read (the end of the next window, which weighs it).</summary>
    public long ExpiresAt { get; set; }
}
