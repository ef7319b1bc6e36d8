using OneStream.Ingest.Events;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>Event sets that exercise CallID reuse, midnight and merging; shared by the order and concurrency tests.</summary>
internal static class Scenarios
{
    public static readonly DateTimeOffset Day1 = new(2025, 2, 12, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Day2 = Day1.AddDays(1);

    /// <summary>
    /// CallID 287 used four times: at 01:00 (inbound), 10:00 (outbound), 23:58 on day 1 running past midnight,
    /// and 09:00 on day 2 (rings only: missed). Rows: day 1 <c>287</c>, <c>287-2</c>, <c>287-3</c>; day 2 <c>287</c>.
    /// </summary>
    public static List<string> ReusedCallId(string callId = "287") =>
    [
        Bodies.Inbound(EventTypes.CallRinging, callId, "101", Day1.AddHours(1)),
        Bodies.Inbound(EventTypes.CallConnected, callId, "101", Day1.AddHours(1).AddSeconds(10)),
        Bodies.Inbound(EventTypes.CallEnd, callId, "101", Day1.AddHours(1).AddMinutes(5)),
        Bodies.Outbound(EventTypes.CallConnected, callId, "100", Day1.AddHours(10)),
        Bodies.Outbound(EventTypes.CallEnd, callId, "100", Day1.AddHours(10).AddMinutes(3)),
        Bodies.Inbound(EventTypes.CallRinging, callId, "102", Day2.AddMinutes(-2)),
        Bodies.Inbound(EventTypes.CallConnected, callId, "102", Day2.AddMinutes(-2).AddSeconds(20)),
        Bodies.Inbound(EventTypes.CallEnd, callId, "102", Day2.AddMinutes(4)),
        Bodies.Inbound(EventTypes.CallRinging, callId, "103", Day2.AddHours(9)),
    ];

    /// <summary>
    /// Rings at 20:00 on day 1 and 03:00 on day 2 are 7 hours apart, two calls on two dates; a ring at 23:30 on
    /// day 1 bridges them into one call filed under day 1.
    /// </summary>
    public static List<string> BridgedAcrossMidnight(string callId = "288") =>
    [
        Bodies.Inbound(EventTypes.CallRinging, callId, "101", Day1.AddHours(20)),
        Bodies.Inbound(EventTypes.CallRinging, callId, "102", Day2.AddHours(3)),
        Bodies.Inbound(EventTypes.CallRinging, callId, "103", Day1.AddHours(23).AddMinutes(30)),
    ];

    /// <summary>Everything above, a transcription and an event of a type this version does not know.</summary>
    public static List<string> Mixed() =>
    [
        .. ReusedCallId(),
        .. BridgedAcrossMidnight(),
        .. RealisticScenarioTests.QueueCallTransferred("42"),
        Bodies.Transcription("220273", Day1.AddHours(11), " First version."),
        Bodies.Transcription("220273", Day1.AddHours(12), " Second, later version."),
        Bodies.Body("CallParked", "287", "101", Bodies.Caller, null, Bodies.Trunk, "", Day1.AddHours(1).AddSeconds(30), "Sales"),
    ];
}
