namespace OneStream.Ingest.Processing;

/// <summary>What processing one queue message did.</summary>
public sealed record ProcessedEvent
{
    /// <summary>The event's id (content hash), the same for every copy.</summary>
    public required string EventId { get; init; }

    /// <summary>Where the event's OneStreamEvents row is.</summary>
    public required string EventPartitionKey { get; init; }

    public required string EventRowKey { get; init; }

    public required ProcessedAs Outcome { get; init; }

    public required int CopiesReceived { get; init; }
}

public enum ProcessedAs
{
    /// <summary>A call event, applied to its call.</summary>
    CallEvent,

    /// <summary>A TranscriptionReady, applied to its CallID's transcription row.</summary>
    Transcription,

    /// <summary>An EventType this version does not know: kept in OneStreamEvents only.</summary>
    UnknownEventType,

    /// <summary>A known EventType without what it needs (a CallID, a readable time): kept in OneStreamEvents only.</summary>
    Incomplete,
}
