using Microsoft.AspNetCore.Identity;

namespace Flowgate.Bench.Requests;

/// <summary>
/// Whole requests against the real server (its own process, Kestrel on loopback, a fresh SQLite data directory), all
/// in one run so the ratios hold on a shared machine: <c>client_credentials</c> grants with no Action and with three
/// credentials-exchange Actions bound (16 connections), and password logins through the hosted page (8 in parallel)
/// beside the password hash alone.
/// </summary>
internal static class RequestBench
{
    private const int GrantConnections = 16;
    private const int LoginParallelism = 8;

    public static async Task RunAsync(string dashboardDll, TimeSpan duration)
    {
        var (server, clientId, clientSecret) = await DashboardServer.StartAsync(dashboardDll);
        await using var _ = server;
        Console.Error.WriteLine($"server {server.Address} (pid {server.ProcessId}); {duration.TotalSeconds:0} s per phase");
        var tenant = await BenchTenant.ConnectAsync(server.Address, clientId, clientSecret);
        var actions = await tenant.DeployCredentialsExchangeActionsAsync(3);
        var email = await tenant.CreateUserAsync();
        var spa = await tenant.CreateSpaAsync();

        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = GrantConnections };
        using var http = new HttpClient(handler) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        var audience = BenchTenant.ManagementAudience(server.Address);
        Task<bool> GrantAsync(int _) => GrantOnceAsync(http, clientId, clientSecret, audience);
        var maxPerLoop = (int)(duration.TotalSeconds * 5_000);

        // Both configurations once unmeasured first: on a busy machine the measured warm-up alone (a tenth of a phase)
        // left the first phase partly on unoptimized (tier-0) code, which favoured whichever phase ran second.
        foreach (var flow in new IReadOnlyList<string>[] { [], actions })
        {
            await tenant.BindAsync(flow);
            await LoadResult.MeasureAsync(GrantConnections, duration / 3, maxPerLoop, GrantAsync);
        }
        await tenant.BindAsync([]);
        var bare = await LoadResult.MeasureAsync(GrantConnections, duration, maxPerLoop, GrantAsync, server.ProcessId);
        Report("grants, no Action", bare);
        await tenant.BindAsync(actions);
        var bound = await LoadResult.MeasureAsync(GrantConnections, duration, maxPerLoop, GrantAsync, server.ProcessId);
        Report("grants, 3 Actions", bound);

        var hash = PasswordHashes(duration);
        Console.Error.WriteLine($"  password hash alone: {hash.PerSecond:0.0}/s");
        var login = await LoadResult.MeasureAsync(LoginParallelism, duration, maxPerLoop,
            _ => new HostedPasswordLogin(http, spa, email).RunAsync(), server.ProcessId);
        Report("hosted password logins", login);

        Console.WriteLine($"whole requests, server pid {server.ProcessId} and this client on the same machine ({Environment.ProcessorCount} cores), {duration.TotalSeconds:0} s per row");
        Console.WriteLine($"| {"request",-40} | {"parallel",8} | {"per second",10} | {"p50 ms",8} | {"p99 ms",8} | {"failed",6} | {"server CPU ms each",18} | {"of it in workers",16} |");
        Console.WriteLine($"|{new string('-', 42)}|{new string('-', 10)}|{new string('-', 12)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 8)}|{new string('-', 20)}|{new string('-', 18)}|");
        Row("client_credentials, no Action bound", GrantConnections, bare);
        Row("client_credentials, 3 Actions bound", GrantConnections, bound);
        Row("password hash alone (bench process)", LoginParallelism, hash);
        Row("hosted password login (4 requests)", LoginParallelism, login);
        Console.WriteLine();
        Console.WriteLine($"3 bound Actions cost {(1 - bound.PerSecond / bare.PerSecond) * 100:0.0} % of grant throughput (target ≤ 5 %), {(bound.ServerCpuMs / bare.ServerCpuMs - 1) * 100:0.0} % more server CPU per grant");
        Console.WriteLine($"the Actions' extra CPU per grant: {bound.WorkerCpuMs - bare.WorkerCpuMs:0.00} ms in the sandbox workers, {bound.ServerCpuMs - bound.WorkerCpuMs - (bare.ServerCpuMs - bare.WorkerCpuMs):0.00} ms in the host process");
        Console.WriteLine($"bare: {bare.PerSecond / Environment.ProcessorCount:0} grants/s per core measured, {1000 / bare.ServerCpuMs:0} per second of server CPU (target ≥ 500)");
        Console.WriteLine($"the login path around the hash costs {(hash.PerSecond / login.PerSecond - 1) * 100:0.0} % in throughput (logins/s {login.PerSecond:0.0} against hashes/s {hash.PerSecond:0.0}), {(login.ServerCpuMs / hash.ServerCpuMs - 1) * 100:0.0} % in CPU per login (target ≤ 10 %)");
    }

    private static async Task<bool> GrantOnceAsync(HttpClient http, string clientId, string clientSecret, string audience)
    {
        using var response = await http.PostAsync("oauth/token", BenchTenant.GrantForm(clientId, clientSecret, audience));
        await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode;
    }

    // ASP.NET Core Identity's own hasher with its defaults, as the server verifies an end user's password.
    private static LoadResult PasswordHashes(TimeSpan duration)
    {
        var hasher = new PasswordHasher<object>();
        var user = new object();
        var hash = hasher.HashPassword(user, BenchTenant.Password);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var result = LoadResult.MeasureAsync(LoginParallelism, duration, (int)(duration.TotalSeconds * 5_000),
            _ => Task.FromResult(hasher.VerifyHashedPassword(user, hash, BenchTenant.Password) == PasswordVerificationResult.Success)).GetAwaiter().GetResult();
        self.Refresh();
        // This process's CPU over the warm-up and the run (the hash is all it does meanwhile): 1.1 × the measured count.
        return result with { ServerCpuMs = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds / (result.Completed * 1.1) };
    }

    private static void Report(string name, LoadResult result) =>
        Console.Error.WriteLine($"  {name}: {result.PerSecond:0.0}/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, {result.Failed} failed");

    private static void Row(string name, int parallel, LoadResult r) =>
        Console.WriteLine($"| {name,-40} | {parallel,8} | {r.PerSecond,10:0.0} | {r.P50Ms,8:0.0} | {r.P99Ms,8:0.0} | {r.Failed,6} | {r.ServerCpuMs,18:0.00} | {r.WorkerCpuMs,16:0.00} |");
}
