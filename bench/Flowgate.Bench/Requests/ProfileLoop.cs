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

    /// <summary>
    /// Logins one at a time, the server's CPU per step of the login (each step's time includes whatever the server's
    /// background threads did meanwhile), beside the password hash alone in this process.
    /// </summary>
    public static async Task StepsAsync(string dashboardDll, int rounds, int logins)
    {
        await using var target = await RequestTarget.StartAsync("this build", dashboardDll);
        await target.LoginsAsync(LoginWarmUp * 4, TimeSpan.Zero);
        Console.Error.WriteLine(await target.SettleAsync(TimeSpan.FromSeconds(60)));
        for (var round = 1; round <= rounds; round++)
        {
            var steps = await target.LoginStepsAsync(logins);
            var hash = await RequestTarget.PasswordHashesAsync(0, TimeSpan.FromSeconds(3));
            Console.Out.WriteLine($"round {round}: {string.Join(", ", steps.Select(s => $"{s.Key} {s.Value:0.00} ms"))}; " +
                $"all {steps.Values.Sum():0.00} ms; hash alone {hash.ServerCpuMs?.ToString("0.00") ?? "?"} ms");
        }
    }

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
