namespace Flowgate.Bench.Requests;

/// <summary>
/// Only hosted password logins against one server, in rounds, for profiling the login path (<c>perf record -p</c> the
/// printed pid): the request bench's other phases would mix grants and the in-process hash into the samples.
/// </summary>
internal static class LoginLoop
{
    private const int WarmUp = 24;

    public static async Task RunAsync(string dashboardDll, int rounds, TimeSpan duration)
    {
        await using var target = await RequestTarget.StartAsync("this build", dashboardDll);
        for (var round = 1; round <= rounds; round++)
        {
            var result = await target.LoginsAsync(round == 1 ? WarmUp : 0, duration);
            Console.Out.WriteLine($"round {round}: {result.PerSecond:0.0} logins/s, {result.ServerCpuMs:0.00} ms server CPU each, {result.Failed} failed, {result.Completed} completed");
        }
    }
}
