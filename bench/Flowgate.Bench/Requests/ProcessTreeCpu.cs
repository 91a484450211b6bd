using System.Globalization;

namespace Flowgate.Bench.Requests;

/// <summary>
/// CPU time used by a process and its descendants (the server and its sandbox workers), from Linux's /proc. On a
/// machine shared with other work, requests per second depend on what else runs; CPU time per request does not.
/// </summary>
internal static class ProcessTreeCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    /// <summary>CPU time of the process itself and of all its descendants together.</summary>
    public static (TimeSpan Root, TimeSpan Descendants) Of(int rootPid)
    {
        var stats = Directory.EnumerateDirectories("/proc")
            .Select(d => Path.GetFileName(d))
            .Where(name => name.All(char.IsAsciiDigit))
            .Select(Read).OfType<(int Pid, int Parent, long Ticks)>().ToList();
        var tree = new HashSet<int> { rootPid };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent, _) in stats)
                grew |= tree.Contains(parent) && tree.Add(pid);
        }
        return (TimeSpan.FromSeconds(stats.Where(s => s.Pid == rootPid).Sum(s => s.Ticks) / TicksPerSecond),
            TimeSpan.FromSeconds(stats.Where(s => s.Pid != rootPid && tree.Contains(s.Pid)).Sum(s => s.Ticks) / TicksPerSecond));
    }

    // Fields after the parenthesised command name: state, ppid, ..., utime (14th field), stime (15th).
    private static (int Pid, int Parent, long Ticks)? Read(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(pid, CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
    }
}
