using System.Diagnostics;

namespace Flowgate.Tests.Infrastructure;

/// <summary>Runs the Dashboard as a separate process against a database of the test's own.</summary>
internal static class DashboardProcess
{
    /// <summary>Runs the built executable with these arguments.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string databasePath, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(databasePath)! };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Flowgate.Dashboard.dll"));
        return RunAsync(start, databasePath, args);
    }

    /// <summary>
    /// Runs exactly what the README tells a user to type, <c>dotnet run --project Dashboard -- ...</c>, with the
    /// build the tests were built with (no second build), so what the SDK itself prints is part of the output.
    /// </summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> DotnetRunAsync(string databasePath, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Path };
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<configuration>/net10.0/
        foreach (var arg in new[] { "run", "--no-build", "-c", configuration, "--project", "Dashboard", "--" })
            start.ArgumentList.Add(arg);
        return RunAsync(start, databasePath, args);
    }

    /// <summary>
    /// Starts the server as an operator would in a terminal, where Ctrl+C is SIGINT. A shell that started the test
    /// run in the background makes its children ignore SIGINT, so perl (essential on Debian) restores the default first.
    /// </summary>
    public static Process StartServer(string databasePath, params string[] args)
    {
        var start = new ProcessStartInfo("perl") { WorkingDirectory = Path.GetDirectoryName(databasePath)! };
        foreach (var arg in new[] { "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!", "dotnet", Path.Combine(AppContext.BaseDirectory, "Flowgate.Dashboard.dll") })
            start.ArgumentList.Add(arg);
        return Process.Start(Prepare(start, databasePath, args))!;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo start, string databasePath, string[] args)
    {
        using var process = Process.Start(Prepare(start, databasePath, args))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static ProcessStartInfo Prepare(ProcessStartInfo start, string databasePath, string[] args)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = start.RedirectStandardInput = true;
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["Database__ConnectionString"] = $"Data Source={databasePath}";
        start.Environment["Database__DataDirectory"] = Path.GetDirectoryName(databasePath)!;
        // The built DLL runs in Production, which requires a configured issuer.
        start.Environment["Oidc__Issuer"] = "http://127.0.0.1/";
        start.Environment["GeoIp__Download"] = "false"; // no 25 MB download per test process
        return start;
    }
}
