using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Bench.Requests;

namespace Flowgate.Bench.Imports;

/// <summary>
/// <c>POST /api/v2/jobs/users-imports</c> against the real server (its own process, a fresh SQLite data directory):
/// a file of Auth0-schema users with bcrypt and pbkdf2 <c>custom_password_hash</c>es, timed from the POST to the job
/// completed, the server's CPU time for it, and its peak working set during the import beside the file's size. Three rounds, each a new
/// file into the growing database; with <c>--baseline &lt;Flowgate.Dashboard.dll&gt;</c> another build's server
/// imports the same file beside this build's in every round, one after the other, so their ratio is of one moment.
/// </summary>
internal static class ImportBench
{
    private const int Rounds = 3;

    public static async Task RunAsync(string dashboardDll, string? baselineDll, int users)
    {
        var targets = new List<(string Label, DashboardServer Server, HttpClient Http)>();
        var file = Path.Combine(Path.GetTempPath(), $"flowgate-bench-import-{Environment.ProcessId}.json");
        try
        {
            targets.Add(await StartAsync("this build", dashboardDll));
            if (baselineDll is not null)
                targets.Add(await StartAsync("baseline", baselineDll));
            var results = targets.ToDictionary(t => t.Label, _ => new List<ImportRun>());
            for (var round = 1; round <= Rounds; round++)
            {
                var size = ImportFile.Write(file, users, $"r{round}");
                Console.Error.WriteLine($"round {round} of {Rounds}: {users} users, {size / 1024} KiB");
                foreach (var (label, server, http) in targets)
                {
                    var run = await ImportAsync(server, http, file, users, size);
                    Console.Error.WriteLine($"  {label}: {run.Elapsed.TotalSeconds:0.00} s, {run.UsersPerSecond:0} users/s, " +
                        $"{run.UsersPerCpuSecond:0} users per server CPU second, peak working set +{run.PeakGrowthMiB:0} MiB");
                    results[label].Add(run);
                }
            }
            Print(results, users);
        }
        finally
        {
            File.Delete(file);
            foreach (var (_, server, http) in targets)
            {
                http.Dispose();
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<(string, DashboardServer, HttpClient)> StartAsync(string label, string dll)
    {
        var (server, clientId, clientSecret) = await DashboardServer.StartAsync(dll);
        var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(10) };
        var response = await http.PostAsync("oauth/token", BenchTenant.GrantForm(clientId, clientSecret, BenchTenant.ManagementAudience(server.Address)));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (label, server, http);
    }

    private static async Task<ImportRun> ImportAsync(DashboardServer server, HttpClient http, string path, int users, long size)
    {
        var before = WorkingSet(server.ProcessId);
        var cpuBefore = ProcessTreeCpu.Of(server.ProcessId);
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, WorkingSet(server.ProcessId));
                await Task.Delay(10);
            }
        });
        var clock = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        await using var stream = File.OpenRead(path);
        form.Add(new StreamContent(stream), "users", "users.json");
        form.Add(new StringContent("con_UsernamePassword"), "connection_id");
        form.Add(new StringContent("false"), "send_completion_email");
        var posted = await http.PostAsync("api/v2/jobs/users-imports", form);
        if (!posted.IsSuccessStatusCode)
            throw new InvalidOperationException($"import refused: {(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync()}");
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        JsonElement job;
        do
        {
            await Task.Delay(100);
            job = await http.GetFromJsonAsync<JsonElement>($"api/v2/jobs/{id}");
        }
        while (job.GetProperty("status").GetString() is "pending" or "processing");
        clock.Stop();
        var cpu = ProcessTreeCpu.Of(server.ProcessId).Since(cpuBefore).Root;
        await sampling.CancelAsync();
        await sampler;
        var inserted = job.TryGetProperty("summary", out var summary) ? summary.GetProperty("inserted").GetInt32() : -1;
        if (job.GetProperty("status").GetString() != "completed" || inserted != users)
            throw new InvalidOperationException($"the import did not insert every user: {job}");
        return new ImportRun(clock.Elapsed, users / clock.Elapsed.TotalSeconds, users / cpu.TotalSeconds, (peak - before) / 1048576.0, peak / 1048576.0, size / 1048576.0);
    }

    // VmRSS of /proc/PID/status, in bytes.
    private static long WorkingSet(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return 0;
    }

    // Wall time depends on what else the shared machine runs; server CPU time per user does not: both are printed.
    private static void Print(Dictionary<string, List<ImportRun>> results, int users)
    {
        Console.WriteLine($"| {users} users {"",-10} | {"median s",8} | {"users/s",8} | {"users/CPU s",11} | {"file MiB",8} | {"peak WS MiB",11} | {"WS growth MiB",13} | {"vs baseline (CPU)",17} |");
        Console.WriteLine($"|{new string('-', 23)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 13)}|{new string('-', 10)}|{new string('-', 13)}|{new string('-', 15)}|{new string('-', 19)}|");
        var baseline = results.TryGetValue("baseline", out var runs) ? Median(runs, r => r.UsersPerCpuSecond) : double.NaN;
        foreach (var (label, list) in results)
        {
            var perCpu = Median(list, r => r.UsersPerCpuSecond);
            var ratio = double.IsNaN(baseline) ? "" : $"{perCpu / baseline:0.00}×";
            Console.WriteLine($"| {label,-21} | {Median(list, r => r.Elapsed.TotalSeconds),8:0.00} | {Median(list, r => r.UsersPerSecond),8:0} | {perCpu,11:0} | " +
                $"{list[0].FileMiB,8:0.0} | {list.Max(r => r.PeakMiB),11:0} | {list.Max(r => r.PeakGrowthMiB),13:0} | {ratio,17} |");
            Console.WriteLine($"|   rounds: {string.Join(", ", list.Select(r => $"{r.UsersPerSecond:0}/s {r.UsersPerCpuSecond:0}/CPU s"))}");
        }
    }

    private static double Median(List<ImportRun> runs, Func<ImportRun, double> value) =>
        runs.Select(value).Order().ElementAt(runs.Count / 2);

    private sealed record ImportRun(TimeSpan Elapsed, double UsersPerSecond, double UsersPerCpuSecond, double PeakGrowthMiB, double PeakMiB, double FileMiB);
}
