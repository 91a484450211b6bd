using System.Diagnostics;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Cli;

/// <summary><c>actions test</c> as a separate process with its sandbox worker, against an Action V8 cannot interrupt.</summary>
public sealed class ActionsTestProcessTests : IDisposable
{
    private const string SpinningSort = "exports.onExecutePostLogin = async (event, api) => { const a = []; a[2**31] = 1; a.sort(); };";
    private readonly string _directory = Directory.CreateTempSubdirectory("flowgate-cli-").FullName;

    [Fact]
    public async Task An_action_that_ignores_its_deadline_ends_the_command_with_a_timeout_error_as_json()
    {
        var code = Path.Combine(_directory, "sort.js");
        await File.WriteAllTextAsync(code, SpinningSort);

        var clock = Stopwatch.StartNew();
        var (exit, stdout, stderr) = await DashboardProcess.DotnetRunAsync(Path.Combine(_directory, "flowgate.db"),
            "actions", "test", "--trigger", "post-login", "--code", code, "--timeout", "1000");

        Assert.True(exit == 1, stderr);
        var error = JsonDocument.Parse(stdout).RootElement.GetProperty("error");
        Assert.Equal("action_timeout", error.GetProperty("class").GetString());
        Assert.Contains("did not finish within 1000 ms", error.GetProperty("message").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the command took {clock.Elapsed.TotalSeconds:0} s");
    }

    [Fact]
    public async Task Killing_the_command_ends_its_spinning_worker()
    {
        var code = Path.Combine(_directory, "sort.js");
        await File.WriteAllTextAsync(code, SpinningSort);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Flowgate.Dashboard.dll"), "actions", "test", "--trigger", "post-login", "--code", code, "--timeout", "600000" })
            start.ArgumentList.Add(arg);
        using var command = Process.Start(start)!;

        // The worker is the command's child; wait until it spins in the sort (its CPU time grows past a second).
        var worker = await UntilAsync(() => ChildOf(command.Id) is { } child && CpuSeconds(child) > 1 ? child : null, TimeSpan.FromSeconds(60));
        command.Kill();
        await command.WaitForExitAsync();

        var gone = await UntilAsync(() => Directory.Exists($"/proc/{worker}") && !IsZombie(worker) ? null : (int?)worker, TimeSpan.FromSeconds(10));
        Assert.Equal(worker, gone);
    }

    private static async Task<int> UntilAsync(Func<int?> probe, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (probe() is { } found)
                return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"nothing after {limit.TotalSeconds} s");
    }

    private static int? ChildOf(int parent) =>
        Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0).FirstOrDefault(pid => Stat(pid) is { } stat && stat[1] == parent.ToString()) is var child and > 0 ? child : null;

    // /proc/<pid>/stat after the command name: state, ppid, ... utime is field 14 (index 11 here).
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double CpuSeconds(int pid) => Stat(pid) is { } stat ? double.Parse(stat[11]) / 100 : 0;

    private static bool IsZombie(int pid) => Stat(pid) is not { } stat || stat[0] == "Z";

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
