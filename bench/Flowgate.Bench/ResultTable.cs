namespace Flowgate.Bench;

/// <summary>Prints the measured rows with their ratio to Flowgate's warm in-process median.</summary>
internal sealed class ResultTable
{
    private readonly List<(string Scenario, string Engine, Timings Timings)> _rows = [];

    public void Add(string scenario, string engine, Timings timings)
    {
        _rows.Add((scenario, engine, timings));
        Console.Error.WriteLine($"  {scenario,-16} {engine,-44} median {timings.MedianUs,10:0.0} µs");
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"| {"scenario",-16} | {"engine / mode",-44} | {"median µs",10} | {"p99 µs",10} | {"× Flowgate warm",15} |");
        output.WriteLine($"|{new string('-', 18)}|{new string('-', 46)}|{new string('-', 12)}|{new string('-', 12)}|{new string('-', 17)}|");
        foreach (var group in _rows.GroupBy(r => r.Scenario))
        {
            var baseline = group.First(r => r.Engine.StartsWith("Flowgate in-process warm", StringComparison.Ordinal)).Timings.MedianUs;
            foreach (var (scenario, engine, t) in group)
            {
                output.WriteLine($"| {scenario,-16} | {engine,-44} | {t.MedianUs,10:0.0} | {t.P99Us,10:0.0} | {t.MedianUs / baseline,15:0.0}× |");
            }
        }
    }
}
