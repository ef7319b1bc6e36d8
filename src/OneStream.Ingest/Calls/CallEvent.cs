using System.Globalization;
using Azure.Data.Tables;
using OneStream.Ingest.Events;
using OneStream.Ingest.Storage;

namespace OneStream.Ingest.Calls;

/// <summary>
/// One distinct call event as the call index keeps it: PartitionKey the encoded in-flight CallID, RowKey the
/// event time in ticks and the event id, so a CallID's events read back in time order and a copy of an event
/// lands on the row it already has.
/// </summary>
public sealed record CallEvent
{
    public required string EventId { get; init; }

    /// <summary>CallRinging, CallConnected or CallEnd.</summary>
    public required string EventType { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public string? ExtensionNumber { get; init; }

    public string? FromPhone { get; init; }

    public string? FromCallerId { get; init; }

    public string? ToPhone { get; init; }

    public string? ToCallerId { get; init; }

    public string? Queue { get; init; }

    /// <summary>The call event a recorded event contributes, or null: not a call event, or no CallID or time.</summary>
    public static CallEvent? From(RecordedEvent recorded)
    {
        var parsed = recorded.Event;
        // A CallID longer than a column holds cannot name a call row (it is still in the event's raw body).
        if (!parsed.IsCallEvent || parsed.OccurredAt is not { } occurredAt || TableLimits.Field(parsed.CallId) is null)
        {
            return null;
        }

        return new CallEvent
        {
            EventId = recorded.Identity.Hash,
            EventType = parsed.EventType!,
            OccurredAt = occurredAt.ToUniversalTime(),
            ExtensionNumber = TableLimits.Field(parsed.ExtensionNumber),
            FromPhone = TableLimits.Field(parsed.FromPhone),
            FromCallerId = TableLimits.Field(parsed.FromCallerId),
            ToPhone = TableLimits.Field(parsed.ToPhone),
            ToCallerId = TableLimits.Field(parsed.ToCallerId),
            Queue = TableLimits.Field(parsed.Queue),
        };
    }

    /// <summary>Index RowKeys of events at or after <paramref name="instant"/> sort at or after this.</summary>
    public static string IndexKeyAt(DateTimeOffset instant) =>
        instant.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public TableEntity ToIndexEntity(string callKey)
    {
        var entity = new TableEntity(callKey, IndexKeyAt(OccurredAt) + "-" + EventId)
        {
            ["EventId"] = EventId,
            ["EventType"] = EventType,
            ["OccurredAt"] = OccurredAt,
        };
        Set(entity, "ExtensionNumber", ExtensionNumber);
        Set(entity, "FromPhone", FromPhone);
        Set(entity, "FromCallerId", FromCallerId);
        Set(entity, "ToPhone", ToPhone);
        Set(entity, "ToCallerId", ToCallerId);
        Set(entity, "Queue", Queue);
        return entity;
    }

    public static CallEvent FromIndexEntity(TableEntity entity) => new()
    {
        EventId = entity.GetString("EventId"),
        EventType = entity.GetString("EventType"),
        OccurredAt = entity.GetDateTimeOffset("OccurredAt")!.Value.ToUniversalTime(),
        ExtensionNumber = entity.GetString("ExtensionNumber"),
        FromPhone = entity.GetString("FromPhone"),
        FromCallerId = entity.GetString("FromCallerId"),
        ToPhone = entity.GetString("ToPhone"),
        ToCallerId = entity.GetString("ToCallerId"),
        Queue = entity.GetString("Queue"),
    };

    private static void Set(TableEntity entity, string name, string? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }
}
