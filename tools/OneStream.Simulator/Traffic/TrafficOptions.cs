namespace OneStream.Simulator.Traffic;

/// <summary>What traffic to generate. The same options always give the same plan.</summary>
public sealed record TrafficOptions
{
    /// <summary>How many calls (not events): each call is several events.</summary>
    public int Calls { get; init; } = 50;

    public int Seed { get; init; } = 1;

    /// <summary>The first day of traffic (UTC). Plans of more than <see cref="CallsPerDay"/> calls run over several days.</summary>
    public DateOnly Date { get; init; } = new(2025, 2, 12);

    /// <summary>The share of events that 1stream sends again (its retries), as byte-identical copies.</summary>
    public double DuplicateRate { get; init; } = 0.05;

    /// <summary>Adds transcripts over the 48 KiB queue-message limit, one of them about 300,000 characters.</summary>
    public bool LongTranscripts { get; init; }

    /// <summary>
    /// Calls per simulated day. The in-flight counter (280–400) restarts daily, so a day holds fewer calls than
    /// the counter has numbers and every reused CallID is hours apart, as the processor's CallGap expects.
    /// </summary>
    public const int CallsPerDay = 100;

    internal void Validate()
    {
        if (Calls < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Calls), Calls, "At least one call.");
        }

        if (DuplicateRate is < 0 or > 1 || double.IsNaN(DuplicateRate))
        {
            throw new ArgumentOutOfRangeException(nameof(DuplicateRate), DuplicateRate, "A share between 0 and 1.");
        }
    }
}
