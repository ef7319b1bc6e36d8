using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStream.Ingest.Events;

namespace OneStream.Ingest.Webhooks;

/// <summary>
/// The receiving end of 1stream's Receiver URL. It answers 200 only once the event is durably enqueued, a 4xx
/// for a body it will never accept, and 503 when storage fails or is slow, so 1stream's retries are spent on a
/// failure that a retry can fix.
/// </summary>
public sealed partial class WebhookReceiver(
    EnvelopePublisher publisher,
    IOptions<ReceiverOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookReceiver> logger)
{
    private readonly ReceiverOptions _options = options.Value;

    public WebhookResponse Ready() => WebhookResponse.Ready();

    public async Task<WebhookResponse> ReceiveAsync(Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        if (contentLength > _options.MaxBodyBytes)
        {
            Log.Rejected(logger, 413, "declared length over the limit");
            return TooLarge();
        }

        var buffer = await ReadUpToAsync(body, contentLength, _options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (buffer is null)
        {
            Log.Rejected(logger, 413, "body over the limit");
            return TooLarge();
        }

        var (verdict, eventType) = WebhookBodyInspector.Inspect(buffer);
        if (verdict != BodyVerdict.Acceptable)
        {
            var reason = verdict switch
            {
                BodyVerdict.Empty => "the body is empty",
                BodyVerdict.NotJsonObject => "the body is not a JSON object",
                _ => "the body has no EventType (a non-empty string)",
            };
            Log.Rejected(logger, 400, reason);
            return WebhookResponse.Rejected(400, reason);
        }

        var receivedAt = timeProvider.GetUtcNow();
        var envelope = new WebhookEnvelope
        {
            Id = Guid.CreateVersion7(receivedAt).ToString(),
            ReceivedAt = receivedAt,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(buffer)),
            EventType = eventType!,
            BodyLength = buffer.Length,
            Body = buffer,
        };

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["EventId"] = envelope.Id, ["EventType"] = envelope.EventType });
        var known = EventTypes.IsKnown(envelope.EventType);
        try
        {
            // WaitAsync bounds the wait even if a client ignores its token; the token stops the work where it can.
            using var timeout = new CancellationTokenSource(_options.EnqueueTimeout, timeProvider);
            // Only strict UTF-8 without a BOM can ride inside the JSON message; anything else goes to a blob as is.
            var bodyIsEmbeddable = !JsonBody.StartsWithBom(buffer) && Utf8.IsValid(buffer);
            var stored = await publisher.PublishAsync(envelope, bodyIsEmbeddable, timeout.Token)
                .WaitAsync(_options.EnqueueTimeout, timeProvider, CancellationToken.None)
                .ConfigureAwait(false);
            Log.Accepted(logger, envelope.Id, envelope.EventType, envelope.BodyLength, stored.BodyBlob is not null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever failed (storage, identity, network, the timeout), the event is not known to be stored.
            Log.StorageFailed(logger, ex, envelope.Id);
            return WebhookResponse.Unavailable(_options.RetryAfterSeconds);
        }

        if (!known)
        {
            Log.UnknownEventType(logger, Truncate(envelope.EventType), envelope.Id);
        }

        return WebhookResponse.Accepted(envelope.Id, unknownEventType: !known);
    }

    private WebhookResponse TooLarge() =>
        WebhookResponse.Rejected(413, $"the body is larger than {_options.MaxBodyBytes} bytes");

    /// <summary>Reads the whole body, or returns null as soon as it passes <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadUpToAsync(Stream body, long? contentLength, long limit, CancellationToken cancellationToken)
    {
        var writer = new ArrayBufferWriter<byte>((int)Math.Clamp(contentLength ?? 4096, 256, limit) + 1);
        while (true)
        {
            // With a declared length, ask for just what is left (plus one byte to notice a longer body).
            var sizeHint = contentLength is { } declared ? (int)Math.Max(1, declared + 1 - writer.WrittenCount) : 16 * 1024;
            var read = await body.ReadAsync(writer.GetMemory(sizeHint), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return writer.WrittenSpan.ToArray();
            }

            writer.Advance(read);
            if (writer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Information, "Accepted event {EventId} ({EventType}, {BodyLength} bytes, claim check: {ClaimChecked})")]
        public static partial void Accepted(ILogger logger, string eventId, string eventType, int bodyLength, bool claimChecked);

        [LoggerMessage(1002, LogLevel.Warning, "Event {EventId} has EventType '{EventType}', which 1stream does not document; it was stored anyway")]
        public static partial void UnknownEventType(ILogger logger, string eventType, string eventId);

        [LoggerMessage(1003, LogLevel.Information, "Rejected a webhook with {StatusCode}: {Reason}")]
        public static partial void Rejected(ILogger logger, int statusCode, string reason);

        [LoggerMessage(1004, LogLevel.Error, "Could not enqueue event {EventId}; answered 503 so 1stream retries")]
        public static partial void StorageFailed(ILogger logger, Exception exception, string eventId);
    }
}
