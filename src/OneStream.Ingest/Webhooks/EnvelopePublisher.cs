using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using OneStream.Ingest.Events;
using OneStream.Ingest.Storage;

namespace OneStream.Ingest.Webhooks;

/// <summary>
/// Puts envelopes on the right queue: TranscriptionReady on the transcriptions queue, everything else on the
/// call-events queue. A body that would make the message too large goes to a blob first (claim check).
/// </summary>
public sealed class EnvelopePublisher
{
    /// <summary>
    /// A queue message holds 64 KiB of text; base64 makes 3 bytes 4 characters, so 49,152 raw bytes at most.
    /// A margin stays below that.
    /// </summary>
    public const int MaxInlineMessageBytes = 48_000;

    // Messages never expire: the default of 7 days would silently drop events if processing stopped for a week.
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);

    private readonly Destination _callEvents;
    private readonly Destination _transcriptions;
    private readonly PayloadStore _payloads;

    public EnvelopePublisher(QueueServiceClient queues, PayloadStore payloads, IOptions<StorageNames> names)
    {
        _callEvents = new Destination(queues.GetQueueClient(names.Value.CallEventsQueue));
        _transcriptions = new Destination(queues.GetQueueClient(names.Value.TranscriptionsQueue));
        _payloads = payloads;
    }

    /// <summary>Durably stores the envelope; returns once the queue has acknowledged it.</summary>
    /// <param name="bodyIsEmbeddable">False when the body cannot travel as raw JSON (e.g. it starts with a BOM).</param>
    /// <returns>The envelope as enqueued: with <see cref="WebhookEnvelope.BodyBlob"/> set when claim-checked.</returns>
    public async Task<WebhookEnvelope> PublishAsync(WebhookEnvelope envelope, bool bodyIsEmbeddable, CancellationToken cancellationToken)
    {
        // A body over the limit on its own is never serialized inline only to be thrown away.
        var message = bodyIsEmbeddable && envelope.Body.Length <= MaxInlineMessageBytes ? WebhookEnvelopeSerializer.Serialize(envelope) : null;
        if (message is null || message.Length > MaxInlineMessageBytes)
        {
            var blobName = IncomingBlobName(envelope);
            await _payloads.WriteAsync(blobName, envelope.Body, cancellationToken).ConfigureAwait(false);
            envelope = envelope with { Body = ReadOnlyMemory<byte>.Empty, BodyBlob = blobName };
            message = WebhookEnvelopeSerializer.Serialize(envelope);
        }

        var destination = EventTypes.IsTranscription(envelope.EventType) ? _transcriptions : _callEvents;
        await destination.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return envelope;
    }

    public static string IncomingBlobName(WebhookEnvelope envelope) =>
        $"{PayloadStore.IncomingPrefix}{envelope.ReceivedAt.UtcDateTime:yyyy/MM/dd}/{envelope.Id}.json";

    private sealed class Destination(QueueClient queue)
    {
        private readonly OnceGate _created = new();

        public async Task SendAsync(byte[] message, CancellationToken cancellationToken)
        {
            await _created.RunOnceAsync(ct => queue.CreateIfNotExistsAsync(cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            await queue.SendMessageAsync(BinaryData.FromBytes(message), visibilityTimeout: null, timeToLive: NeverExpire, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
