namespace Flowgate.Bench.Requests;

/// <summary>
/// Whole requests against the real server (its own process, Kestrel on loopback, a fresh SQLite data directory):
/// <c>client_credentials</c> grants with no Action and with three credentials-exchange Actions bound (16 connections),
/// and password logins through the hosted page (8 in parallel) beside the password hash alone. Each measured phase
/// follows a fixed count of unmeasured requests; the whole sequence runs three times and each row prints the median.
/// With <c>--baseline &lt;Flowgate.Dashboard.dll&gt;</c> a second server from another build is measured phase by phase
/// beside this build's, and the rows compare them: on a shared machine only such a same-run ratio means anything.
/// </summary>
internal static class RequestBench
{
    private const int Runs = 3;
    private const int GrantWarmUp = 400;
    private const int LoginWarmUp = 24;

    public static async Task RunAsync(string dashboardDll, string? baselineDll, TimeSpan duration)
    {
        var targets = new List<RequestTarget>();
        try
        {
            targets.Add(await RequestTarget.StartAsync("this build", dashboardDll));
            if (baselineDll is not null)
                targets.Add(await RequestTarget.StartAsync("baseline", baselineDll));
            var rows = new RequestRows();
            for (var run = 1; run <= Runs; run++)
            {
                Console.Error.WriteLine($"run {run} of {Runs}, {duration.TotalSeconds:0} s per phase");
                foreach (var target in targets)
                    await target.BindAsync([]);
                foreach (var target in targets)
                    rows.Add(target.Label, RequestRows.Bare, await target.GrantsAsync(GrantWarmUp, duration));
                foreach (var target in targets)
                    await target.BindAsync(target.Actions);
                foreach (var target in targets)
                    rows.Add(target.Label, RequestRows.Bound, await target.GrantsAsync(GrantWarmUp, duration));
                rows.Add("bench process", RequestRows.Hash, RequestTarget.PasswordHashes(LoginWarmUp, duration));
                foreach (var target in targets)
                    rows.Add(target.Label, RequestRows.Login, await target.LoginsAsync(LoginWarmUp, duration));
            }
            rows.Print(Console.Out, duration, [.. targets.Select(t => t.Label)]);
        }
        finally
        {
            foreach (var target in targets)
                await target.DisposeAsync();
        }
    }
}
