using System.Diagnostics;

namespace Flowgate.Bench.Requests;

/// <summary>
/// Whole requests against the real server (its own process, Kestrel on loopback, a fresh SQLite data directory):
/// <c>client_credentials</c> grants with no Action and with three credentials-exchange Actions bound (16 connections),
/// and password logins through the hosted page (8 in parallel) beside the password hash alone. With
/// <c>--baseline &lt;Flowgate.Dashboard.dll&gt;</c> a second server from another build is measured beside this build's.
/// </summary>
/// <remarks>
/// On a shared VM the CPU's speed drifts by tens of percent within a minute, so phases measured one after the other for
/// ten seconds each compare the machine's moments, not the code. Each phase is measured instead in short slices, the
/// compared phases alternating (see <see cref="InterleavedWalk"/>; bare and bound grants on one server by rebinding its flow
/// between slices), and each ratio is the median of the ratios of adjacent slices, beside their spread. The phases' own
/// warm-ups come first; the walks then take what is left of a fixed time budget (about 6 minutes, 2 with <c>--quick</c>).
/// </remarks>
internal static class RequestBench
{
    private const int GrantWarmUp = 400;
    private const int LoginWarmUp = 24;

    // One grant per connection before each slice starts the loops together on a flow that already ran (after a rebind,
    // the first grant reads the new flow). Logins and hashes change nothing between slices: the loops start at once.
    private const int GrantSliceWarmUp = RequestTarget.GrantConnections;

    private const int MinimumDoubleLaps = 2;

    public static async Task RunAsync(string dashboardDll, string? baselineDll, bool quick)
    {
        // The whole run, start to table; the walks take what the servers' start and the warm-ups leave, grants the most.
        var budget = TimeSpan.FromSeconds(quick ? 110 : 345);
        var (grantSlice, loginSlice) = quick ? (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5)) : (TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();
        var targets = new List<RequestTarget>();
        try
        {
            // Started together: on a crowded machine a server's start takes a minute, the bench's budget included.
            var starting = new List<Task<RequestTarget>> { RequestTarget.StartAsync("this build", dashboardDll) };
            if (baselineDll is not null)
                starting.Add(RequestTarget.StartAsync("baseline", baselineDll));
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                // A server that started while the other failed is stopped below with the rest.
                foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
                    targets.Add(await started);
            }
            var rows = new RequestRows([.. targets.Select(t => t.Label)]);

            Console.Error.WriteLine($"{clock.Elapsed.TotalSeconds:0} s: warm-up");
            // Phase by phase, the servers in turn: each reaches the measured walks as far along its JIT tiers as the other.
            foreach (var bound in new[] { false, true })
            {
                foreach (var target in targets)
                {
                    await target.BindAsync(bound);
                    await target.GrantsAsync(GrantWarmUp, TimeSpan.Zero);
                }
            }
            foreach (var target in targets)
                await target.LoginsAsync(LoginWarmUp, TimeSpan.Zero);
            await RequestTarget.PasswordHashesAsync(LoginWarmUp, TimeSpan.Zero);
            // Up to a minute: on a crowded machine the JIT's tiering thread is the one still busy after the warm-ups, and
            // the server it lags most in spends a quarter more CPU per request than the other.
            var settled = await Task.WhenAll(targets.Select(t => t.SettleAsync(TimeSpan.FromSeconds(quick ? 20 : 60))));
            Console.Error.WriteLine($"{clock.Elapsed.TotalSeconds:0} s: idle: {string.Join("; ", settled)}");

            var left = budget - clock.Elapsed;
            // The ring: each server's bare grants beside the other's, and beside its own bound grants.
            var grants = targets.Select(t => Grants(t, false, grantSlice)).Concat(targets.AsEnumerable().Reverse().Select(t => Grants(t, true, grantSlice)));
            Console.Error.WriteLine($"{clock.Elapsed.TotalSeconds:0} s: grants in {grantSlice.TotalSeconds:0.0} s slices");
            var grantSlices = await WalkAsync([.. grants], left * 0.55, rows);

            // The ring: the hash beside each server's logins, and the servers' logins side by side.
            var hash = new RequestPhase(RequestRows.BenchProcess, RequestRows.Hash, () => RequestTarget.PasswordHashesAsync(0, loginSlice));
            var logins = targets.Select(t => new RequestPhase(t.Label, RequestRows.Login, () => t.LoginsAsync(0, loginSlice)));
            Console.Error.WriteLine($"{clock.Elapsed.TotalSeconds:0} s: logins in {loginSlice.TotalSeconds:0.0} s slices");
            var loginSlices = await WalkAsync([hash, .. logins], budget - clock.Elapsed, rows);

            Console.Error.WriteLine($"{clock.Elapsed.TotalSeconds:0} s: done");
            rows.Print(Console.Out, $"{grantSlices} slices of {grantSlice.TotalSeconds:0.0} s per grant row and {loginSlices} of " +
                $"{loginSlice.TotalSeconds:0.0} s per login row (the ring's first row one more)");
        }
        finally
        {
            foreach (var target in targets)
                await target.DisposeAsync();
        }
    }

    private static RequestPhase Grants(RequestTarget target, bool bound, TimeSpan slice) =>
        new(target.Label, bound ? RequestRows.Bound : RequestRows.Bare, async () =>
        {
            await target.BindAsync(bound);
            return await target.GrantsAsync(GrantSliceWarmUp, slice);
        });

    /// <summary>
    /// Measures the ring's phases slice by slice in <see cref="InterleavedWalk"/>'s order, pairing adjacent slices, for as
    /// many double laps as fit in <paramref name="budget"/> (at least <see cref="MinimumDoubleLaps"/>: on a crowded machine
    /// the servers' start and warm-ups take most of the budget, and a ratio of two pairs says little); returns the slices
    /// per phase.
    /// </summary>
    private static async Task<int> WalkAsync(IReadOnlyList<RequestPhase> ring, TimeSpan budget, RequestRows rows)
    {
        var clock = Stopwatch.StartNew();
        (RequestPhase Phase, LoadResult Result)? previous = null;
        async Task MeasureAsync(RequestPhase phase)
        {
            var result = await phase.MeasureSliceAsync();
            rows.Add(phase.Server, phase.Row, result);
            if (previous is { } last)
                rows.AddAdjacent(last.Phase, last.Result, phase, result);
            previous = (phase, result);
        }
        var doubleLaps = 0;
        do
        {
            foreach (var index in InterleavedWalk.DoubleLap(ring.Count))
                await MeasureAsync(ring[index]);
            doubleLaps++;
        }
        while (doubleLaps < MinimumDoubleLaps || clock.Elapsed * (doubleLaps + 1) / doubleLaps < budget);
        await MeasureAsync(ring[0]);
        return 2 * doubleLaps;
    }
}
