namespace OneStream.Simulator.Traffic;

/// <summary>
/// What one OneStreamCalls row should hold once all of the call's events are processed, column by column in
/// the processor's terms. Null means the column is empty or absent; list columns are comma-separated and
/// empty when there is nothing to list. Times are UTC.
/// </summary>
public sealed record ExpectedCall
{
    public required CallScenario Scenario { get; init; }

    /// <summary>The UTC date of the call's earliest event, yyyy-MM-dd.</summary>
    public required string PartitionKey { get; init; }

    /// <summary>The in-flight CallID, or CallID-2, CallID-3 … for later calls reusing it on the same date.</summary>
    public required string RowKey { get; init; }

    public required string CallId { get; init; }

    public required string Direction { get; init; }

    public required string Status { get; init; }

    /// <summary>The outside party in E.164.</summary>
    public required string ExternalNumber { get; init; }

    public required string? ExternalCallerId { get; init; }

    public required string TrunkDetail { get; init; }

    public required string? Queue { get; init; }

    /// <summary>Who answered (inbound) or placed (outbound): the earliest CallConnected.</summary>
    public required string? Extension { get; init; }

    public required string ExtensionsConnected { get; init; }

    public required string ExtensionsRung { get; init; }

    public required int RingCount { get; init; }

    public required DateTime FirstEventAt { get; init; }

    public required DateTime? FirstRingAt { get; init; }

    public required DateTime? ConnectedAt { get; init; }

    public required DateTime? EndedAt { get; init; }

    public required DateTime LastEventAt { get; init; }

    public required int? WaitSeconds { get; init; }

    public required int? TalkSeconds { get; init; }

    /// <summary>Distinct events of the call.</summary>
    public required int EventCount { get; init; }
}
