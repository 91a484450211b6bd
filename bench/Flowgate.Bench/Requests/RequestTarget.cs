using Microsoft.AspNetCore.Identity;

namespace Flowgate.Bench.Requests;

/// <summary>
/// One server under the request bench, set up as an operator would (three credentials-exchange Actions deployed, a user,
/// a SPA), with the loads the bench measures on it. Two targets (this build and a baseline build) are measured in turn,
/// phase by phase, so both see the same machine.
/// </summary>
internal sealed class RequestTarget : IAsyncDisposable
{
    public const int GrantConnections = 16;
    public const int LoginParallelism = 8;

    private readonly DashboardServer _server;
    private readonly BenchTenant _tenant;
    private readonly SocketsHttpHandler _handler;
    private readonly HttpClient _http;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly string _email;
    private readonly string _spa;
    private bool? _bound;

    private RequestTarget(string label, DashboardServer server, BenchTenant tenant, string clientId, string clientSecret,
        IReadOnlyList<string> actions, string email, string spa)
    {
        Label = label;
        _server = server;
        _tenant = tenant;
        _clientId = clientId;
        _clientSecret = clientSecret;
        Actions = actions;
        _email = email;
        _spa = spa;
        _handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = GrantConnections };
        _http = new HttpClient(_handler) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>"this build" or "baseline".</summary>
    public string Label { get; }

    public IReadOnlyList<string> Actions { get; }

    public static async Task<RequestTarget> StartAsync(string label, string dashboardDll)
    {
        var (server, clientId, clientSecret) = await DashboardServer.StartAsync(dashboardDll);
        Console.Error.WriteLine($"{label}: server {server.Address} (pid {server.ProcessId}) from {dashboardDll}");
        var tenant = await BenchTenant.ConnectAsync(server.Address, clientId, clientSecret);
        var actions = await tenant.DeployCredentialsExchangeActionsAsync(3);
        return new RequestTarget(label, server, tenant, clientId, clientSecret, actions, await tenant.CreateUserAsync(), await tenant.CreateSpaAsync());
    }

    /// <summary>
    /// Binds <see cref="Actions"/> to the credentials-exchange flow, or empties it; nothing when it is so already. The
    /// server reads the flow on every request, so a change counts from the next grant.
    /// </summary>
    public async Task BindAsync(bool bound)
    {
        if (_bound == bound)
            return;
        await _tenant.BindAsync(bound ? Actions : []);
        _bound = bound;
    }

    /// <summary>
    /// Waits, up to <paramref name="limit"/>, until the idle server (its sandbox workers too) uses under 1 % of a core: the
    /// tiered JIT's background compiles of what the warm-up ran are then done, which on a crowded machine takes minutes
    /// and, unfinished, leaves one server measurably behind the other. Returns what it saw last, for the log.
    /// </summary>
    public async Task<string> SettleAsync(TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var window = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            var before = ProcessTreeCpu.Of(_server.ProcessId);
            await Task.Delay(window);
            var after = ProcessTreeCpu.Of(_server.ProcessId);
            var (root, workers) = after.Since(before);
            var share = (root + workers) / window;
            if (share <= 0.01 || clock.Elapsed >= limit)
                return $"{Label} {share:P1} of a core after {clock.Elapsed.TotalSeconds:0} s ({string.Join(", ", after.Busiest(before, 3))})";
        }
    }

    /// <summary><c>client_credentials</c> grants on <see cref="GrantConnections"/> connections.</summary>
    public Task<LoadResult> GrantsAsync(int warmUp, TimeSpan duration)
    {
        var audience = BenchTenant.ManagementAudience(_server.Address);
        return LoadResult.MeasureAsync(GrantConnections, warmUp, duration, MaxPerLoop(duration), async _ =>
        {
            using var response = await _http.PostAsync("oauth/token", BenchTenant.GrantForm(_clientId, _clientSecret, audience));
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode;
        }, _server.ProcessId);
    }

    /// <summary>Hosted password logins, <see cref="LoginParallelism"/> at a time, each a new browser.</summary>
    /// <summary>
    /// <paramref name="count"/> logins one after the other, with the server's CPU time (its workers' too) summed per step
    /// of <see cref="HostedPasswordLogin.Steps"/>, in ms per login.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, double>> LoginStepsAsync(int count)
    {
        var spent = HostedPasswordLogin.Steps.ToDictionary(s => s, _ => 0.0);
        var last = ProcessTreeCpu.Of(_server.ProcessId);
        void StepDone(string step)
        {
            var now = ProcessTreeCpu.Of(_server.ProcessId);
            var (root, workers) = now.Since(last);
            spent[step] += (root + workers).TotalMilliseconds / count;
            last = now;
        }
        for (var i = 0; i < count; i++)
        {
            last = ProcessTreeCpu.Of(_server.ProcessId);
            if (!await new HostedPasswordLogin(_http, _spa, _email, StepDone).RunAsync())
                throw new InvalidOperationException("A login failed.");
        }
        return spent;
    }

    public Task<LoadResult> LoginsAsync(int warmUp, TimeSpan duration) =>
        LoadResult.MeasureAsync(LoginParallelism, warmUp, duration, MaxPerLoop(duration),
            _ => new HostedPasswordLogin(_http, _spa, _email).RunAsync(), _server.ProcessId);

    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object HashedUser = new();
    private static readonly string StoredHash = Hasher.HashPassword(HashedUser, BenchTenant.Password);

    /// <summary>ASP.NET Core Identity's own hasher with its defaults, as the server verifies an end user's password, in this process.</summary>
    public static async Task<LoadResult> PasswordHashesAsync(int warmUp, TimeSpan duration)
    {
        static Task<bool> VerifyAsync(int _) =>
            Task.FromResult(Hasher.VerifyHashedPassword(HashedUser, StoredHash, BenchTenant.Password) == PasswordVerificationResult.Success);
        await LoadResult.MeasureAsync(LoginParallelism, warmUp, TimeSpan.Zero, 0, VerifyAsync);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var result = await LoadResult.MeasureAsync(LoginParallelism, 0, duration, MaxPerLoop(duration), VerifyAsync);
        self.Refresh();
        // This process's CPU over the run: the hash is all it does meanwhile.
        return result with { ServerCpuMs = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / result.Completed };
    }

    private static int MaxPerLoop(TimeSpan duration) => (int)(duration.TotalSeconds * 5_000);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _handler.Dispose();
        await _server.DisposeAsync();
    }
}
