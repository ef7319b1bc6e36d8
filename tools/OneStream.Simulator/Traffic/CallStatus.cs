namespace OneStream.Simulator.Traffic;

/// <summary>Status values of the OneStreamCalls table that a finished plan can end in.</summary>
public static class CallStatus
{
    public const string Completed = "Completed";

    /// <summary>Rang and never connected; the plan's calls are in the past, so past MissedAfter.</summary>
    public const string Missed = "Missed";
}
