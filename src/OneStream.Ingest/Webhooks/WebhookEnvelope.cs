namespace OneStream.Ingest.Webhooks;

/// <summary>
/// What the receiver enqueues for each accepted POST: the body exactly as received plus the facts the receiver
/// knew. The body travels inline, or, when the message would be too large for a queue (or the body is not plain
/// UTF-8 JSON), in a blob named by <see cref="BodyBlob"/> (claim check).
/// </summary>
public sealed record WebhookEnvelope
{
    /// <summary>The id the receiver gave this POST and returned to the sender; one per delivery, not per event.</summary>
    public required string Id { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Lower-case hex SHA-256 of the body bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>EventType as sent (not re-cased), read by the receiver without a full parse.</summary>
    public required string EventType { get; init; }

    public required int BodyLength { get; init; }

    /// <summary>The body bytes when carried inline; empty when <see cref="BodyBlob"/> is set.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Name of the blob holding the body in the payload container, for large bodies.</summary>
    public string? BodyBlob { get; init; }
}
