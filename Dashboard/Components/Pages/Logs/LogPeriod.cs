namespace Flowgate.Dashboard.Components.Pages.Logs;

/// <summary>How far back the Logs page looks; <see cref="Span"/> null means every kept event.</summary>
public sealed record LogPeriod(string Label, TimeSpan? Span)
{
    public static IReadOnlyList<LogPeriod> All { get; } =
    [
        new("Last hour", TimeSpan.FromHours(1)),
        new("Last 24 hours", TimeSpan.FromDays(1)),
        new("Last 7 days", TimeSpan.FromDays(7)),
        new("All kept events", null),
    ];
}
