using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Flowgate.Bench.Requests;

/// <summary>
/// The real server as an operator runs it: the built Dashboard in its own process, Kestrel on a free loopback port,
/// a temporary data directory (SQLite file, keys). Stopped with SIGTERM, as a service manager would.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private DashboardServer(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>Creates a Management API client with the CLI (<c>clients create --management</c>), then starts the server.</summary>
    /// <param name="settings">Environment that differs (another database); instances given the same share it.</param>
    /// <param name="directory">A data directory to share with another instance (its key-encryption certificate).</param>
    public static async Task<(DashboardServer Server, string ClientId, string ClientSecret)> StartAsync(
        string dashboardDll, IReadOnlyDictionary<string, string>? settings = null, string? directory = null)
    {
        directory ??= Directory.CreateTempSubdirectory("flowgate-bench-requests-").FullName;
        settings ??= new Dictionary<string, string>();
        using var cli = Process.Start(Prepare(dashboardDll, directory, ["clients", "create", "--name", "bench", "--management"], settings))!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        if (cli.ExitCode != 0)
            throw new InvalidOperationException("clients create failed: " + await cli.StandardError.ReadToEndAsync());
        var client = JsonDocument.Parse(output).RootElement;

        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var process = Process.Start(Prepare(dashboardDll, directory, ["--urls", address.ToString()], settings))!;
        // Drain the server's output so a chatty log never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new DashboardServer(process, directory, address);
        await server.WaitUntilHealthyAsync();
        return (server, client.GetProperty("client_id").GetString()!, client.GetProperty("client_secret").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        if (Directory.Exists(_directory)) // a shared directory goes with the first instance stopped
            Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} before answering.");
            try
            {
                if ((await http.GetAsync("healthz")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The server did not answer /healthz within a minute.");
    }

    private static ProcessStartInfo Prepare(string dashboardDll, string directory, string[] args, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dashboardDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Not Production: its cookies are always Secure, which a plain-http loopback client never sends back. Staging
        // runs the same request path without the development tools.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(directory, "flowgate.db")}";
        start.Environment["Database__DataDirectory"] = directory;
        // Loopback over plain http, and a load from one address: the per-IP limit would measure itself.
        start.Environment["Oidc__RequireHttps"] = "false";
        start.Environment["HostedLogin__RateLimit__PermitsPerMinute"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
