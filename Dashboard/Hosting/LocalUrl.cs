namespace Flowgate.Dashboard.Hosting;

/// <summary>Prevents open redirects: only a path on this server, never <c>//host</c> or <c>/\host</c>.</summary>
internal static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/')
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
