namespace OneStream.Ingest.Events;

/// <summary>An event as it now stands in OneStreamEvents.</summary>
public sealed record RecordedEvent
{
    public required EventIdentity Identity { get; init; }

    public required OneStreamEvent Event { get; init; }

    /// <summary>The earliest receive time among the POSTs that carried this event so far.</summary>
    public required DateTimeOffset FirstReceivedAt { get; init; }

    /// <summary>How many distinct POSTs carried this event so far.</summary>
    public required int CopiesReceived { get; init; }
}
