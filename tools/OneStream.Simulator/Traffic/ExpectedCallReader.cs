namespace OneStream.Simulator.Traffic;

/// <summary>Reads a call's expected OneStreamCalls row off its events, by the processor's rules (issue 3).</summary>
internal static class ExpectedCallReader
{
    public static ExpectedCall Read(CallScript call, string callId, string rowKey)
    {
        var rings = Of(call, OneStreamEventTypes.CallRinging);
        var connects = Of(call, OneStreamEventTypes.CallConnected);
        var ends = Of(call, OneStreamEventTypes.CallEnd);

        DateTime? firstRingAt = rings.Length > 0 ? rings.Min(e => e.At) : null;
        DateTime? connectedAt = connects.Length > 0 ? connects.Min(e => e.At) : null;
        DateTime? endedAt = ends.Length > 0 ? ends.Max(e => e.At) : null;
        var connectedInOrder = connects.OrderBy(e => e.At).ThenBy(e => e.Extension, StringComparer.Ordinal).Select(e => e.Extension).ToArray();
        var rungInOrder = rings
            .GroupBy(e => e.Extension)
            .OrderBy(group => group.Min(e => e.At))
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.Key);

        return new ExpectedCall
        {
            Scenario = call.Scenario,
            PartitionKey = VendorTime.DateKey(call.StartsAt),
            RowKey = rowKey,
            CallId = callId,
            Direction = call.IsOutbound ? CallDirection.Outbound : CallDirection.Inbound,
            // The plan's calls lie in the past, so one that never connected is past MissedAfter.
            Status = ends.Length > 0 ? CallStatus.Completed : CallStatus.Missed,
            ExternalNumber = CallCentre.E164(call.NationalNumber),
            ExternalCallerId = call.CallerName,
            TrunkDetail = CallCentre.Trunk,
            Queue = call.Queue,
            Extension = connectedInOrder.FirstOrDefault(),
            ExtensionsConnected = string.Join(',', connectedInOrder),
            ExtensionsRung = string.Join(',', rungInOrder),
            RingCount = rings.Length,
            FirstEventAt = call.StartsAt,
            FirstRingAt = firstRingAt,
            ConnectedAt = connectedAt,
            EndedAt = endedAt,
            LastEventAt = call.EndsAt,
            WaitSeconds = Seconds(connectedAt - firstRingAt),
            TalkSeconds = Seconds(endedAt - connectedAt),
            EventCount = call.Events.Count,
        };
    }

    private static ScriptedEvent[] Of(CallScript call, string eventType) =>
        [.. call.Events.Where(e => e.EventType == eventType)];

    private static int? Seconds(TimeSpan? span) => span is { } value ? (int)value.TotalSeconds : null;
}
