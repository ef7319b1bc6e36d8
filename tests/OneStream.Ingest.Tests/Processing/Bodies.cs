using System.Text.Json;
using OneStream.Ingest.Events;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>Webhook bodies shaped like 1stream's (see the seed payloads), for test scenarios.</summary>
internal static class Bodies
{
    public const string Caller = "+15551234567";
    public const string Dialled = "5551234567";
    public const string Trunk = SeedPayloads.Trunk;

    public static string Inbound(string eventType, string callId, string extension, DateTimeOffset at, string? queue = "Sales", string? callerId = null) =>
        Body(eventType, callId, extension, from: Caller, fromCallerId: callerId, to: Trunk, toCallerId: "", at, queue ?? "");

    public static string Outbound(string eventType, string callId, string extension, DateTimeOffset at, string? calleeId = null) =>
        Body(eventType, callId, extension, from: Trunk, fromCallerId: null, to: Dialled, toCallerId: calleeId ?? "", at, queue: "");

    public static string Transcription(string callId, DateTimeOffset at, string text) =>
        Body(EventTypes.TranscriptionReady, callId, "na", from: "", fromCallerId: null, to: "", toCallerId: "", at, queue: "na", transcription: text);

    public static string Body(
        string eventType, string callId, string extension, string from, string? fromCallerId, string to, string toCallerId,
        DateTimeOffset at, string queue, string transcription = "") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["EventType"] = eventType,
            ["ExtensionNumber"] = extension,
            ["CallID"] = callId,
            ["FromPhone"] = from,
            ["FromCallerID"] = fromCallerId,
            ["ToPhone"] = to,
            ["ToCallerID"] = toCallerId,
            ["DateTimeStamp"] = EventTimestamp.Format(at),
            ["Queue"] = queue,
            ["Transcription"] = transcription,
        });
}
