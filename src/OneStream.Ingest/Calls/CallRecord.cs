using Azure.Data.Tables;

namespace OneStream.Ingest.Calls;

/// <summary>One OneStreamCalls row. Null means unknown, and an unknown value is no column at all.</summary>
public sealed record CallRecord
{
    /// <summary>The UTC date, <c>yyyy-MM-dd</c>, of the call's earliest event.</summary>
    public required string PartitionKey { get; init; }

    /// <summary>The encoded in-flight CallID, with <c>-2</c>, <c>-3</c>… for later calls reusing it that day.</summary>
    public required string RowKey { get; init; }

    public required string CallId { get; init; }

    public required string Direction { get; init; }

    public required string Status { get; init; }

    public string? ExternalNumber { get; init; }

    public string? ExternalCallerId { get; init; }

    public string? TrunkDetail { get; init; }

    public string? Queue { get; init; }

    public string? Extension { get; init; }

    public string? ExtensionsConnected { get; init; }

    public string? ExtensionsRung { get; init; }

    public required int RingCount { get; init; }

    public required DateTimeOffset FirstEventAt { get; init; }

    public DateTimeOffset? FirstRingAt { get; init; }

    public DateTimeOffset? ConnectedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public required DateTimeOffset LastEventAt { get; init; }

    public double? WaitSeconds { get; init; }

    public double? TalkSeconds { get; init; }

    public required int EventCount { get; init; }

    public TableEntity ToEntity()
    {
        var entity = new TableEntity(PartitionKey, RowKey)
        {
            ["CallId"] = CallId,
            ["Direction"] = Direction,
            ["Status"] = Status,
            ["RingCount"] = RingCount,
            ["FirstEventAt"] = FirstEventAt,
            ["LastEventAt"] = LastEventAt,
            ["EventCount"] = EventCount,
        };
        Set(entity, "ExternalNumber", ExternalNumber);
        Set(entity, "ExternalCallerId", ExternalCallerId);
        Set(entity, "TrunkDetail", TrunkDetail);
        Set(entity, "Queue", Queue);
        Set(entity, "Extension", Extension);
        Set(entity, "ExtensionsConnected", ExtensionsConnected);
        Set(entity, "ExtensionsRung", ExtensionsRung);
        Set(entity, "FirstRingAt", FirstRingAt);
        Set(entity, "ConnectedAt", ConnectedAt);
        Set(entity, "EndedAt", EndedAt);
        Set(entity, "WaitSeconds", WaitSeconds);
        Set(entity, "TalkSeconds", TalkSeconds);
        return entity;
    }

    private static void Set<T>(TableEntity entity, string name, T? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }
}
