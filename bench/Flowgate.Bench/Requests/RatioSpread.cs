using System.Globalization;

namespace Flowgate.Bench.Requests;

/// <summary>
/// The ratios of adjacent slice pairs for one comparison: their median is the ratio the bench reports, their quartiles
/// and extremes how far a pair strayed (what the machine's drift and the slices' own noise left).
/// </summary>
internal sealed record RatioSpread(double Median, double Q1, double Q3, double Min, double Max, int Pairs)
{
    public static RatioSpread Of(IEnumerable<double> ratios)
    {
        var sorted = ratios.Where(double.IsFinite).Order().ToList();
        if (sorted.Count == 0)
            return new RatioSpread(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        return new RatioSpread(Quantile(sorted, 0.5), Quantile(sorted, 0.25), Quantile(sorted, 0.75), sorted[0], sorted[^1], sorted.Count);
    }

    /// <summary>The same spread of a monotonic function of the ratio (a decreasing one swaps the ends).</summary>
    public RatioSpread Map(Func<double, double> f)
    {
        var (q1, q3, min, max) = (f(Q1), f(Q3), f(Min), f(Max));
        return new RatioSpread(f(Median), Math.Min(q1, q3), Math.Max(q1, q3), Math.Min(min, max), Math.Max(min, max), Pairs);
    }

    /// <summary>"×1.00 [IQR ×0.98–×1.02, all ×0.95–×1.06, 20 pairs]"-style text, each number with <paramref name="format"/>.</summary>
    public string Format(string format, string prefix = "", string suffix = "")
    {
        string N(double value) => prefix + value.ToString(format, CultureInfo.InvariantCulture) + suffix;
        return $"{N(Median)} [IQR {N(Q1)}–{N(Q3)}, all {N(Min)}–{N(Max)}, {Pairs} pairs]";
    }

    /// <summary>Linear interpolation between the closest ranks.</summary>
    private static double Quantile(List<double> sorted, double q)
    {
        var at = q * (sorted.Count - 1);
        var below = (int)Math.Floor(at);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
    }
}
