namespace Flowgate.Runtime.Limits;

/// <summary>
/// The sliding window the counters approximate from two fixed ones: a hit is allowed while the current window's count
/// plus the previous window's count, weighted by how much of it still overlaps the last full window, stays below the
/// limit. The weighted count is rounded up, so the approximation never lets through more than the limit.
/// </summary>
internal static class RateLimitWait
{
    // Floating error must not turn an exact boundary into one more refused second.
    private const double Tolerance = 1e-9;

    /// <summary>How many more hits the current window takes, <paramref name="elapsed"/> (0..1) into it.</summary>
    public static int Allowance(int permits, int previous, double elapsed) =>
        permits - (int)Math.Ceiling(previous * (1 - elapsed) - Tolerance);

    /// <summary>How long from now until a hit would be allowed, whole seconds, at least one.</summary>
    public static TimeSpan Until(int permits, int previous, int current, double elapsed, TimeSpan window)
    {
        // In this window: the previous one's weight must fall to what is left beside the current count.
        var room = permits - current - 1;
        double wait;
        if (room >= 0)
            wait = previous > 0 ? Math.Max(0, 1 - (double)room / previous - elapsed) : 0;
        else
            // In the next window, this one (current hits) weighs as the previous.
            wait = 1 - elapsed + Math.Max(0, 1 - (double)(permits - 1) / Math.Max(current, 1));
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait * window.TotalSeconds)));
    }
}
