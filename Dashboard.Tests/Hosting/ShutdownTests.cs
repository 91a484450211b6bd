using System.Diagnostics;
using System.Text;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Hosting;

public sealed class ShutdownTests
{
    [Theory]
    [InlineData("INT")]  // Ctrl+C in a terminal
    [InlineData("TERM")] // docker stop, systemd
    public async Task The_server_stops_gracefully_on_a_signal(string signal)
    {
        var databasePath = Path.Combine(Directory.CreateTempSubdirectory("flowgate-shutdown-").FullName, "flowgate.db");
        using var server = DashboardProcess.StartServer(databasePath, "--urls", "http://127.0.0.1:0");
        var output = new StringBuilder();
        var listening = new TaskCompletionSource();
        server.OutputDataReceived += (_, e) =>
        {
            lock (output) output.AppendLine(e.Data);
            if (e.Data?.Contains("Now listening on:") == true) listening.TrySetResult();
        };
        server.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromMinutes(1));

            using (var kill = Process.Start("kill", [$"-{signal}", server.Id.ToString()]))
                await kill.WaitForExitAsync();
            await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (!server.HasExited)
                server.Kill(entireProcessTree: true);
        }

        string log;
        lock (output) log = output.ToString();
        Assert.True(server.ExitCode == 0, $"exit code {server.ExitCode}:\n{log}");
        Assert.Contains("Application is shutting down", log);
        Assert.DoesNotContain("Unhandled exception", log);
    }
}
