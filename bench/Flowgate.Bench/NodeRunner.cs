using System.Diagnostics;
using System.Text.Json;

namespace Flowgate.Bench;

/// <summary>Runs bench/node/vm-bench.js as a child process and reads its timings.</summary>
internal static class NodeRunner
{
    public static async Task<Dictionary<(string Scenario, string Mode), Timings>> RunAsync(string repositoryRoot, int freshIterations, int reusedIterations)
    {
        var inputPath = Path.Combine(Path.GetTempPath(), $"flowgate-bench-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(inputPath, JsonSerializer.Serialize(new
        {
            harness = Harness.Source,
            freshIterations,
            reusedIterations,
            scenarios = Scenario.All.Select(s => new { name = s.Name, code = s.Code, @event = s.EventJson }),
        }));
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(repositoryRoot, "bench", "node", "vm-bench.js"));
        start.ArgumentList.Add(inputPath);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(inputPath);
        var results = new Dictionary<(string, string), Timings>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            results[(r.GetProperty("scenario").GetString()!, r.GetProperty("mode").GetString()!)] =
                new Timings(r.GetProperty("median").GetDouble(), r.GetProperty("p99").GetDouble(), r.GetProperty("samples").GetInt32());
        }
        return results;
    }
}
