namespace OneStream.Simulator.Traffic;

/// <summary>Everything a run sends, in order, and what the tables should hold once it is processed.</summary>
/// <param name="Posts">The POSTs in send order, retried duplicates included.</param>
/// <param name="Events">The distinct events, by time; <see cref="PlannedPost.EventIndex"/> points here.</param>
/// <param name="Calls">One expected OneStreamCalls row per call.</param>
/// <param name="Transcriptions">One expected OneStreamTranscriptions row per permanent CallID.</param>
public sealed record TrafficPlan(
    IReadOnlyList<PlannedPost> Posts,
    IReadOnlyList<PlannedEvent> Events,
    IReadOnlyList<ExpectedCall> Calls,
    IReadOnlyList<ExpectedTranscription> Transcriptions)
{
    public int PostCount => Posts.Count;

    public int DistinctEventCount => Events.Count;

    public int DuplicateCount => Posts.Count - Events.Count;

    /// <summary>The PartitionKeys (UTC dates) of the expected call rows.</summary>
    public IReadOnlyList<string> CallDates => [.. Calls.Select(call => call.PartitionKey).Distinct().Order(StringComparer.Ordinal)];
}

/// <summary>One POST as 1stream makes it.</summary>
/// <param name="Sequence">Position in send order, from 0.</param>
/// <param name="EventIndex">The distinct event it carries, an index into <see cref="TrafficPlan.Events"/>.</param>
/// <param name="Body">The exact JSON body.</param>
/// <param name="IsDuplicate">A retry: byte for byte the body of an earlier POST of the same event.</param>
public sealed record PlannedPost(int Sequence, int EventIndex, string EventType, string Body, bool IsDuplicate);

/// <summary>A distinct event: what one OneStreamEvents row should hold.</summary>
/// <param name="Copies">How many POSTs carry it (CopiesReceived).</param>
/// <param name="CallPartitionKey">The call row it belongs to; null for a transcription.</param>
/// <param name="CallRowKey">The call row it belongs to; null for a transcription.</param>
public sealed record PlannedEvent(
    int Index,
    string EventType,
    string CallId,
    string ExtensionNumber,
    DateTime OccurredAt,
    string Body,
    int Copies,
    string? CallPartitionKey,
    string? CallRowKey)
{
    /// <summary>The event's UTC date, the PartitionKey of its OneStreamEvents row.</summary>
    public string PartitionKey => VendorTime.DateKey(OccurredAt);
}
