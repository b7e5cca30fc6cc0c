namespace Petitions.LocalHost.Bench;

/// <summary>Percentiles of a sample, nearest-rank.</summary>
internal sealed record Stats(double P50, double P99)
{
    public static Stats Of(IReadOnlyCollection<double> sample)
    {
        var sorted = sample.Order().ToArray();
        return new Stats(Rank(sorted, 0.50), Rank(sorted, 0.99));
    }

    public static double Median(IEnumerable<double> sample) => Of([.. sample]).P50;

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
