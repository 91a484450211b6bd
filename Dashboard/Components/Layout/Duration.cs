namespace Flowgate.Dashboard.Components.Layout;

/// <summary>A length of time as a person says it ("1 day", "2 hours 30 minutes"), not as TimeSpan prints it (1.00:00:00).</summary>
internal static class Duration
{
    public static string Describe(int seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        var parts = new List<string>();
        Add(parts, (int)span.TotalDays, "day");
        Add(parts, span.Hours, "hour");
        Add(parts, span.Minutes, "minute");
        Add(parts, span.Seconds, "second");
        return parts.Count == 0 ? "0 seconds" : string.Join(" ", parts);
    }

    private static void Add(List<string> parts, int count, string unit)
    {
        if (count > 0)
            parts.Add(count == 1 ? $"1 {unit}" : $"{count} {unit}s");
    }
}
