using System.Globalization;
using Microsoft.Extensions.Options;
using OneStream.Ingest.Events;
using OneStream.Ingest.Storage;

namespace OneStream.Ingest.Calls;

/// <summary>
/// Calls as a pure function of a CallID's distinct events and the clock. Events more than
/// <see cref="CallOptions.CallGap"/> apart start a new call (the in-flight CallID is reused); each call is filed
/// under the date of its earliest event, the first call of a date under the CallID and later ones under
/// <c>CallID-2</c>, <c>CallID-3</c>…. Every choice breaks ties by event id, so arrival order never shows.
/// </summary>
public sealed class CallBuilder(IOptions<CallOptions> options, PhoneNumberFormatter phones)
{
    private const string TrunkPrefix = "Wexternalline";

    /// <summary>Every call the events make up, in time order.</summary>
    public IReadOnlyList<CallRecord> Build(string callId, IEnumerable<CallEvent> events, DateTimeOffset now)
    {
        var ordered = events
            .DistinctBy(e => e.EventId)
            .OrderBy(e => e.OccurredAt)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)
            .ToList();
        var callKey = TableKey.Encode(callId);
        var records = new List<CallRecord>();
        var perDate = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var segment in Segments(ordered, options.Value.CallGap))
        {
            var partition = EventIdentity.DatePartition(segment[0].OccurredAt.UtcDateTime);
            var number = perDate[partition] = perDate.GetValueOrDefault(partition) + 1;
            var rowKey = number == 1 ? callKey : callKey + "-" + number.ToString(CultureInfo.InvariantCulture);
            records.Add(Summarize(partition, rowKey, callId, segment, now));
        }

        return records;
    }

    private static IEnumerable<List<CallEvent>> Segments(List<CallEvent> ordered, TimeSpan gap)
    {
        List<CallEvent>? current = null;
        foreach (var callEvent in ordered)
        {
            if (current is not null && callEvent.OccurredAt - current[^1].OccurredAt > gap)
            {
                yield return current;
                current = null;
            }

            (current ??= []).Add(callEvent);
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    private CallRecord Summarize(string partition, string rowKey, string callId, List<CallEvent> events, DateTimeOffset now)
    {
        var rings = events.Where(e => e.EventType == EventTypes.CallRinging).ToList();
        var connects = events.Where(e => e.EventType == EventTypes.CallConnected).ToList();
        var ends = events.Where(e => e.EventType == EventTypes.CallEnd).ToList();

        var direction = DirectionOf(events);
        var inbound = direction == CallDirections.Inbound;
        var outbound = direction == CallDirections.Outbound;
        var external = inbound ? First(events, e => NotTrunk(e.FromPhone))
            : outbound ? First(events, e => NotTrunk(e.ToPhone))
            : null;

        var firstRingAt = rings.Count > 0 ? rings[0].OccurredAt : (DateTimeOffset?)null;
        var connectedAt = connects.Count > 0 ? connects[0].OccurredAt : (DateTimeOffset?)null;
        var endedAt = ends.Count > 0 ? ends[^1].OccurredAt : (DateTimeOffset?)null;
        var lastEventAt = events[^1].OccurredAt;

        var status = ends.Count > 0 ? CallStatuses.Completed
            : connects.Count > 0 ? CallStatuses.Connected
            : lastEventAt <= now - options.Value.MissedAfter ? CallStatuses.Missed
            : CallStatuses.Ringing;

        var connectedExtensions = connects
            .Where(e => e.ExtensionNumber is not null)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.ExtensionNumber, ExtensionComparer.Instance).ThenBy(e => e.EventId, StringComparer.Ordinal)
            .Select(e => e.ExtensionNumber!)
            .ToList();
        var rungExtensions = rings
            .Where(e => e.ExtensionNumber is not null)
            .GroupBy(e => e.ExtensionNumber!, StringComparer.Ordinal)
            .Select(g => (Extension: g.Key, FirstRing: g.Min(e => e.OccurredAt)))
            .OrderBy(x => x.FirstRing).ThenBy(x => x.Extension, ExtensionComparer.Instance)
            .Select(x => x.Extension)
            .ToList();

        return new CallRecord
        {
            PartitionKey = partition,
            RowKey = rowKey,
            CallId = callId,
            Direction = direction,
            Status = status,
            ExternalNumber = external is null ? null : phones.Format(external),
            ExternalCallerId = inbound ? First(events, e => e.FromCallerId) : outbound ? First(events, e => e.ToCallerId) : null,
            TrunkDetail = inbound ? First(events, e => Trunk(e.ToPhone)) : outbound ? First(events, e => Trunk(e.FromPhone)) : null,
            Queue = First(events, e => e.Queue),
            Extension = connectedExtensions.Count > 0 ? connectedExtensions[0] : null,
            ExtensionsConnected = connectedExtensions.Count > 0 ? string.Join(',', connectedExtensions) : null,
            ExtensionsRung = rungExtensions.Count > 0 ? string.Join(',', rungExtensions) : null,
            RingCount = rings.Count,
            FirstEventAt = events[0].OccurredAt,
            FirstRingAt = firstRingAt,
            ConnectedAt = connectedAt,
            EndedAt = endedAt,
            LastEventAt = lastEventAt,
            WaitSeconds = connectedAt - firstRingAt is { } wait ? wait.TotalSeconds : null,
            TalkSeconds = endedAt - connectedAt is { } talk ? talk.TotalSeconds : null,
            EventCount = events.Count,
        };
    }

    /// <summary>
    /// The trunk detail (<c>Wexternalline…</c>) is in ToPhone for inbound calls and in FromPhone for outbound
    /// ones, and CallRinging fires for inbound calls only. The earliest event that says anything decides; with
    /// no such event, a call between two named parties is Internal.
    /// </summary>
    private static string DirectionOf(List<CallEvent> events)
    {
        foreach (var e in events)
        {
            var inbound = IsTrunk(e.ToPhone) || e.EventType == EventTypes.CallRinging;
            var outbound = IsTrunk(e.FromPhone);
            if (inbound || outbound)
            {
                return inbound && outbound ? CallDirections.Unknown
                    : inbound ? CallDirections.Inbound
                    : CallDirections.Outbound;
            }
        }

        return events.Any(e => e.FromPhone is not null && e.ToPhone is not null) ? CallDirections.Internal : CallDirections.Unknown;
    }

    private static bool IsTrunk(string? phone) =>
        phone is not null && phone.TrimStart().StartsWith(TrunkPrefix, StringComparison.OrdinalIgnoreCase);

    private static string? Trunk(string? phone) => IsTrunk(phone) ? phone : null;

    private static string? NotTrunk(string? phone) => IsTrunk(phone) ? null : phone;

    private static string? First(List<CallEvent> events, Func<CallEvent, string?> select)
    {
        foreach (var e in events)
        {
            if (select(e) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Extensions in numeric order when both are numbers (99 before 100), else ordinal.</summary>
    private sealed class ExtensionComparer : IComparer<string?>
    {
        public static readonly ExtensionComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            if (long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
                && long.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
                && a != b)
            {
                return a.CompareTo(b);
            }

            return string.CompareOrdinal(x, y);
        }
    }
}
