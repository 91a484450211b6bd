using System.Diagnostics;

namespace Flowgate.Tests.Infrastructure;

/// <summary>Runs the built Dashboard as a separate process, as <c>dotnet run --project Dashboard -- ...</c> would.</summary>
internal static class DashboardProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string databasePath, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Flowgate.Dashboard.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["Database__ConnectionString"] = $"Data Source={databasePath}";
        start.Environment["Database__DataDirectory"] = Path.GetDirectoryName(databasePath)!;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
