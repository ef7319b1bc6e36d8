namespace OneStream.Ingest.Events;

/// <summary>
/// One 1stream webhook event, read leniently: every field is optional and empty values (<c>null</c>, <c>""</c>,
/// <c>"na"</c>) are <c>null</c> here. What did not parse is listed in <see cref="Problems"/>; the raw body is
/// always kept by the caller, so nothing is lost.
/// </summary>
public sealed record OneStreamEvent
{
    /// <summary>As sent, in the documented casing for the four known types; null when missing.</summary>
    public string? EventType { get; init; }

    public string? ExtensionNumber { get; init; }

    /// <summary>In-flight CallID for call events (a small counter the phone system reuses); permanent for transcriptions.</summary>
    public string? CallId { get; init; }

    public string? FromPhone { get; init; }

    public string? FromCallerId { get; init; }

    public string? ToPhone { get; init; }

    public string? ToCallerId { get; init; }

    /// <summary>DateTimeStamp as a UTC instant; null when missing or unreadable (see <see cref="Problems"/>).</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>DateTimeStamp exactly as sent.</summary>
    public string? DateTimeStampText { get; init; }

    public string? Queue { get; init; }

    /// <summary>The transcript, untrimmed; 1stream's text often starts with a space.</summary>
    public string? Transcription { get; init; }

    /// <summary>Fields that were present but could not be read, e.g. "DateTimeStamp: '31/31/2025' is not a date".</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool IsCallEvent => EventType is not null && EventTypes.IsCallEvent(EventType);

    public bool IsTranscription => EventType is not null && EventTypes.IsTranscription(EventType);
}
