namespace OneStream.Simulator.Sending;

/// <summary>The results of sending a plan, indexed by the POSTs' sequence.</summary>
public sealed class SendReport(IReadOnlyList<PostResult> results, TimeSpan duration)
{
    public IReadOnlyList<PostResult> Results { get; } = results;

    public TimeSpan Duration { get; } = duration;

    public int Sent => Results.Count;

    public int Failed => Results.Count(result => !result.Succeeded);

    /// <summary>How many POSTs got each answer: "200", "503", … and "error" for no answer.</summary>
    public IReadOnlyDictionary<string, int> CountsByOutcome =>
        Results.GroupBy(result => result.Outcome).OrderBy(group => group.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count());

    public double PostsPerSecond => Duration > TimeSpan.Zero ? Sent / Duration.TotalSeconds : 0;

    public LatencySummary Latency => LatencySummary.Of(Results.Select(result => result.Latency));
}

/// <summary>Latency percentiles by nearest rank, in milliseconds.</summary>
public sealed record LatencySummary(double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<TimeSpan> latencies)
    {
        var sorted = latencies.Select(latency => latency.TotalMilliseconds).Order().ToArray();
        return sorted.Length == 0
            ? new(0, 0, 0, 0)
            : new(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double percentile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Length) - 1)];
}
