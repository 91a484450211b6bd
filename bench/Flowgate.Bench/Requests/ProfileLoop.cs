namespace Flowgate.Bench.Requests;

/// <summary>
/// One kind of request against one server, in rounds, for profiling it (<c>perf record -p</c> the printed pid): the
/// request bench's other phases would mix the other kinds and the in-process hash into the samples. The kinds are hosted
/// password logins, and <c>client_credentials</c> grants with no Action or with the three Actions bound.
/// </summary>
internal static class ProfileLoop
{
    public enum Kind { Logins, BareGrants, BoundGrants }

    private const int LoginWarmUp = 24;
    private const int GrantWarmUp = 400;

    public static async Task RunAsync(string dashboardDll, Kind kind, int rounds, TimeSpan duration)
    {
        await using var target = await RequestTarget.StartAsync("this build", dashboardDll);
        if (kind is not Kind.Logins)
            await target.BindAsync(kind is Kind.BoundGrants);
        for (var round = 1; round <= rounds; round++)
        {
            var result = kind is Kind.Logins
                ? await target.LoginsAsync(round == 1 ? LoginWarmUp : 0, duration)
                : await target.GrantsAsync(round == 1 ? GrantWarmUp : 0, duration);
            Console.Out.WriteLine($"round {round}: {result.PerSecond:0.0} {kind}/s, {result.ServerCpuMs:0.00} ms server CPU each, {result.Failed} failed, {result.Completed} completed");
        }
    }
}
