using System.Globalization;

namespace Flowgate.Bench.Requests;

/// <summary>
/// CPU time used so far by each thread of a process and of its descendants (the server and its sandbox workers), from
/// Linux's /proc. On a machine shared with other work, requests per second depend on what else runs; CPU time per request
/// much less. Read per thread in nanoseconds (<c>schedstat</c>), not per process in 10 ms ticks: a slice of a second on a
/// crowded machine holds a few hundred milliseconds of the server's CPU, where a tick either way would be a few percent.
/// </summary>
internal sealed class ProcessTreeCpu
{
    private const long NanosecondsPerTick = 10_000_000; // USER_HZ is 100 on Linux

    private readonly int _rootPid;
    private readonly Dictionary<(int Pid, int Tid), long> _threads;

    private ProcessTreeCpu(int rootPid, Dictionary<(int Pid, int Tid), long> threads)
    {
        _rootPid = rootPid;
        _threads = threads;
    }

    public static ProcessTreeCpu Of(int rootPid)
    {
        var parents = Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => (Pid: int.Parse(name!, CultureInfo.InvariantCulture), Parent: Parent(name!))).ToList();
        var tree = new HashSet<int> { rootPid };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, parent) in parents)
                grew |= tree.Contains(parent) && tree.Add(pid);
        }
        var threads = new Dictionary<(int, int), long>();
        foreach (var pid in tree)
        {
            foreach (var task in Tasks(pid))
            {
                if (Nanoseconds(pid, task) is { } ns)
                    threads[(pid, task)] = ns;
            }
        }
        return new ProcessTreeCpu(rootPid, threads);
    }

    /// <summary>
    /// CPU time since <paramref name="before"/>, of the root process and of its descendants. A thread born meanwhile counts
    /// whole; one that ended meanwhile takes its last moments with it (rare: the loads keep the thread pools busy).
    /// </summary>
    public (TimeSpan Root, TimeSpan Descendants) Since(ProcessTreeCpu before)
    {
        long root = 0, descendants = 0;
        foreach (var (thread, ns) in _threads)
        {
            var used = ns - before._threads.GetValueOrDefault(thread);
            if (thread.Pid == _rootPid)
                root += used;
            else
                descendants += used;
        }
        return (TimeSpan.FromTicks(root / 100), TimeSpan.FromTicks(descendants / 100));
    }

    /// <summary>The threads that used the most CPU since <paramref name="before"/>, as "name ms" (what keeps a server busy).</summary>
    public IEnumerable<string> Busiest(ProcessTreeCpu before, int count) => _threads
        .Select(t => (t.Key, Ms: (t.Value - before._threads.GetValueOrDefault(t.Key)) / 1e6))
        .OrderByDescending(t => t.Ms).Take(count)
        .Select(t => $"{Name(t.Key.Pid, t.Key.Tid)} {t.Ms:0} ms");

    private static string Name(int pid, int tid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/task/{tid}/comm").Trim();
        }
        catch (IOException)
        {
            return $"thread {tid}";
        }
    }

    private static IEnumerable<int> Tasks(int pid)
    {
        try
        {
            return Directory.EnumerateDirectories($"/proc/{pid}/task").Select(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture)).ToList();
        }
        catch (IOException)
        {
            return []; // the process ended meanwhile
        }
    }

    // schedstat's first field is the time on a CPU in ns; without it (a kernel built without), utime + stime in ticks.
    private static long? Nanoseconds(int pid, int tid)
    {
        try
        {
            if (File.Exists($"/proc/{pid}/task/{tid}/schedstat"))
                return long.Parse(File.ReadAllText($"/proc/{pid}/task/{tid}/schedstat").Split(' ')[0], CultureInfo.InvariantCulture);
            var fields = AfterName(File.ReadAllText($"/proc/{pid}/task/{tid}/stat"));
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * NanosecondsPerTick;
        }
        catch (IOException)
        {
            return null; // the thread ended meanwhile
        }
    }

    private static int Parent(string pid)
    {
        try
        {
            return int.Parse(AfterName(File.ReadAllText($"/proc/{pid}/stat"))[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    // Fields after the parenthesised command name: state, ppid, ..., utime (14th field), stime (15th).
    private static string[] AfterName(string stat) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
}
