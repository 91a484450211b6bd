using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Sdk;

/// <summary>Runs scripts in <c>Dashboard.Tests/Sdk</c> with the machine's Node, against the packages pinned in its lock file.</summary>
internal static class NodeSdk
{
    /// <summary>Where the scripts and <c>node_modules</c> are.</summary>
    public static readonly string Folder = Path.Combine(RepositoryRoot.Path, "Dashboard.Tests", "Sdk");
    private static readonly SemaphoreSlim Install = new(1, 1);

    /// <summary>Runs <paramref name="script"/> with <paramref name="environment"/>; returns its exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string script, IReadOnlyDictionary<string, string> environment)
    {
        await EnsureInstalledAsync();
        return await RunProcessAsync("node", [script], environment);
    }

    /// <summary>Installs the packages the lock file pins unless they are there.</summary>
    // test.sh installs the packages up front; a focused run installs them here the first time (npm ci: exactly the lock file).
    public static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (AllInstalled())
                return;
            var (exitCode, stdout, stderr) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"], new Dictionary<string, string>());
            Assert.True(exitCode == 0, $"npm ci in {Folder} failed:\n{stdout}\n{stderr}");
        }
        finally
        {
            Install.Release();
        }
    }

    // Every package package.json names, so a checkout installed before one was added installs again.
    private static bool AllInstalled()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "package.json")));
        return manifest.RootElement.GetProperty("dependencies").EnumerateObject()
            .All(p => File.Exists(Path.Combine(Folder, "node_modules", p.Name, "package.json")));
    }

    private static async Task<(int, string, string)> RunProcessAsync(string file, string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Start(start);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{start.FileName}' could not be started: the SDK tests need Node >= 20.19 and npm on the PATH.", e);
        }
    }
}
