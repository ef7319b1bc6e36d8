using System.Security.Cryptography;
using Azure;
using Microsoft.Extensions.Logging;
using OneStream.Ingest.Calls;
using OneStream.Ingest.Events;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Transcriptions;
using OneStream.Ingest.Webhooks;

namespace OneStream.Ingest.Processing;

/// <summary>
/// Applies one queue message (a <see cref="WebhookEnvelope"/>) to the tables: the event to OneStreamEvents, then
/// a call event to its call or a transcription to its CallID. Both queues' functions call this one service, so a
/// message that reaches the "wrong" queue is still handled right. Every step is idempotent; on any failure it
/// throws and the queue delivers the message again (and to the poison queue after maxDequeueCount tries).
/// </summary>
public sealed partial class WebhookProcessor(
    PayloadStore payloads, EventRecorder recorder, CallRebuilder calls, TranscriptionWriter transcriptions, ILogger<WebhookProcessor> logger)
{
    /// <param name="message">The queue message's body, already base64-decoded by the trigger.</param>
    /// <param name="messageId">The queue's id for the message, for logs.</param>
    /// <param name="dequeueCount">How many times the queue has handed the message out, this time included.</param>
    /// <exception cref="FormatException">The message is not an envelope (it will end in the poison queue).</exception>
    /// <exception cref="RequestFailedException">Storage failed, or the claim-check blob is missing.</exception>
    public async Task<ProcessedEvent> ProcessAsync(ReadOnlyMemory<byte> message, string messageId, long dequeueCount, CancellationToken cancellationToken)
    {
        WebhookEnvelope envelope;
        try
        {
            envelope = WebhookEnvelopeSerializer.Deserialize(message);
        }
        catch (FormatException ex)
        {
            Log.NotAnEnvelope(logger, ex, messageId, dequeueCount);
            throw;
        }

        using var envelopeScope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["EnvelopeId"] = envelope.Id,
            ["EventType"] = envelope.EventType,
            ["QueueMessageId"] = messageId,
            ["DequeueCount"] = dequeueCount,
        });

        var body = await ReadBodyAsync(envelope, cancellationToken).ConfigureAwait(false);
        var parsed = OneStreamEventParser.Parse(body);
        var identity = EventIdentity.For(body, parsed, envelope.ReceivedAt, envelope.EventType);

        using var eventScope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["EventId"] = identity.Hash,
            ["CallId"] = parsed.CallId,
        });
        if (dequeueCount > 1)
        {
            Log.Redelivered(logger, dequeueCount);
        }

        if (parsed.Problems.Count > 0)
        {
            Log.FieldsUnreadable(logger, string.Join("; ", parsed.Problems));
        }

        var recorded = await recorder.RecordAsync(envelope, body, parsed, identity, cancellationToken).ConfigureAwait(false);
        var outcome = await ApplyAsync(recorded, cancellationToken).ConfigureAwait(false);
        Log.Processed(logger, outcome, recorded.CopiesReceived);

        return new ProcessedEvent
        {
            EventId = identity.Hash,
            EventPartitionKey = identity.PartitionKey,
            EventRowKey = identity.RowKey,
            Outcome = outcome,
            CopiesReceived = recorded.CopiesReceived,
        };
    }

    private async Task<ProcessedAs> ApplyAsync(RecordedEvent recorded, CancellationToken cancellationToken)
    {
        var parsed = recorded.Event;
        if (parsed.IsTranscription)
        {
            if (TableLimits.Field(parsed.CallId) is null)
            {
                Log.Incomplete(logger, parsed.EventType);
                return ProcessedAs.Incomplete;
            }

            await transcriptions.WriteAsync(recorded, cancellationToken).ConfigureAwait(false);
            return ProcessedAs.Transcription;
        }

        if (!parsed.IsCallEvent)
        {
            Log.UnknownEventType(logger);
            return ProcessedAs.UnknownEventType;
        }

        if (CallEvent.From(recorded) is not { } callEvent)
        {
            Log.Incomplete(logger, parsed.EventType);
            return ProcessedAs.Incomplete;
        }

        await calls.IndexAsync(parsed.CallId!, callEvent, cancellationToken).ConfigureAwait(false);
        await calls.RebuildAsync(parsed.CallId!, DateOnly.FromDateTime(callEvent.OccurredAt.UtcDateTime), cancellationToken).ConfigureAwait(false);
        return ProcessedAs.CallEvent;
    }

    private async Task<ReadOnlyMemory<byte>> ReadBodyAsync(WebhookEnvelope envelope, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> body;
        if (envelope.BodyBlob is null)
        {
            body = envelope.Body;
        }
        else
        {
            try
            {
                body = await payloads.ReadAsync(envelope.BodyBlob, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                Log.BodyBlobMissing(logger, ex, envelope.BodyBlob);
                throw;
            }
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(body.Span)), envelope.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            // Kept all the same: the bytes are all there is. The event's id comes from its content, not this hash.
            Log.HashMismatch(logger, body.Length);
        }

        return body;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Event processed as {Outcome}; {CopiesReceived} copies received so far.")]
        public static partial void Processed(ILogger logger, ProcessedAs outcome, int copiesReceived);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Queue message {MessageId} (try {DequeueCount}) is not a webhook envelope.")]
        public static partial void NotAnEnvelope(ILogger logger, Exception exception, string messageId, long dequeueCount);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "The body blob {BlobName} is missing; the message will be retried, then poisoned.")]
        public static partial void BodyBlobMissing(ILogger logger, Exception exception, string blobName);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "The body ({Length} bytes) does not match the envelope's SHA-256.")]
        public static partial void HashMismatch(ILogger logger, int length);

        [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Some fields could not be read and are left empty: {Problems}")]
        public static partial void FieldsUnreadable(ILogger logger, string problems);

        [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Unknown EventType: the event is kept in the events table and changes no call.")]
        public static partial void UnknownEventType(ILogger logger);

        [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "{EventType} without a usable CallID or a readable time: kept in the events table only.")]
        public static partial void Incomplete(ILogger logger, string? eventType);

        [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Message delivered for the {DequeueCount}th time.")]
        public static partial void Redelivered(ILogger logger, long dequeueCount);
    }
}
