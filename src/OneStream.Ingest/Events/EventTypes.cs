namespace OneStream.Ingest.Events;

/// <summary>The EventType values 1stream documents. Others are kept, not dropped: the vendor adds types.</summary>
public static class EventTypes
{
    public const string CallRinging = "CallRinging";
    public const string CallConnected = "CallConnected";
    public const string CallEnd = "CallEnd";
    public const string TranscriptionReady = "TranscriptionReady";

    public static bool IsKnown(string eventType) =>
        IsCallEvent(eventType) || eventType.Equals(TranscriptionReady, StringComparison.OrdinalIgnoreCase);

    public static bool IsCallEvent(string eventType) =>
        eventType.Equals(CallRinging, StringComparison.OrdinalIgnoreCase)
        || eventType.Equals(CallConnected, StringComparison.OrdinalIgnoreCase)
        || eventType.Equals(CallEnd, StringComparison.OrdinalIgnoreCase);

    public static bool IsTranscription(string eventType) =>
        eventType.Equals(TranscriptionReady, StringComparison.OrdinalIgnoreCase);

    /// <summary>The documented spelling of a known type, whatever casing it arrived in; unknown types as sent.</summary>
    public static string Canonical(string eventType) => eventType switch
    {
        _ when eventType.Equals(CallRinging, StringComparison.OrdinalIgnoreCase) => CallRinging,
        _ when eventType.Equals(CallConnected, StringComparison.OrdinalIgnoreCase) => CallConnected,
        _ when eventType.Equals(CallEnd, StringComparison.OrdinalIgnoreCase) => CallEnd,
        _ when eventType.Equals(TranscriptionReady, StringComparison.OrdinalIgnoreCase) => TranscriptionReady,
        _ => eventType,
    };
}
