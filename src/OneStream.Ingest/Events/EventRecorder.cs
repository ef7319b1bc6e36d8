using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Webhooks;

namespace OneStream.Ingest.Events;

/// <summary>
/// Writes an event to OneStreamEvents once however often it arrives. Each POST leaves a receipt (insert-if-absent,
/// keyed by event and envelope id, so a queue redelivery adds nothing); the event row is then written from the
/// receipts: CopiesReceived is their count and FirstReceivedAt the earliest. The row is read before the receipts
/// and written ETag-conditionally, so a writer that saw fewer receipts can never overwrite one that saw more.
/// Every step is idempotent: a crash anywhere and a redelivery converge on the same row.
/// </summary>
public sealed partial class EventRecorder(OneStreamTables tables, PayloadStore payloads, ILogger<EventRecorder> logger)
{
    public const string RawBlobPrefix = PayloadStore.StoredPrefix + "events/";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<RecordedEvent> RecordAsync(
        WebhookEnvelope envelope, ReadOnlyMemory<byte> body, OneStreamEvent parsed, EventIdentity identity, CancellationToken cancellationToken)
    {
        var receipts = await tables.ReceiptsAsync(cancellationToken).ConfigureAwait(false);
        var receiptKey = TableKey.Encode(envelope.Id);
        var receipt = new TableEntity(identity.Hash, receiptKey)
        {
            ["ReceivedAt"] = envelope.ReceivedAt,
            ["EventPartition"] = identity.PartitionKey,
            ["EventRow"] = identity.RowKey,
        };
        var newPost = await OptimisticConcurrency.AddIfAbsentAsync(receipts, receipt, cancellationToken).ConfigureAwait(false);
        if (!newPost)
        {
            Log.RedeliveredPost(logger);
        }

        // A new POST usually means a new row, so the first attempt just adds; a redelivery reads the row first.
        var events = await tables.EventsAsync(cancellationToken).ConfigureAwait(false);
        var attempt = 0;
        return await OptimisticConcurrency.RetryAsync(
            ct => WriteRowAsync(events, receipts, envelope, body, parsed, identity, receiptKey, addOnly: newPost && ++attempt == 1, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task<RecordedEvent> WriteRowAsync(
        TableClient events, TableClient receipts, WebhookEnvelope envelope, ReadOnlyMemory<byte> body, OneStreamEvent parsed,
        EventIdentity identity, string receiptKey, bool addOnly, CancellationToken cancellationToken)
    {
        // An add-only attempt assumes the row is new (a 409 sends it round again). Other attempts read the row
        // first and the receipts second, so whatever receipts the row was computed from, we see them all.
        TableEntity? current = null;
        if (!addOnly)
        {
            var existing = await events.GetEntityIfExistsAsync<TableEntity>(identity.PartitionKey, identity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            current = existing.HasValue ? existing.Value : null;
        }

        var count = 0;
        DateTimeOffset first = default;
        string? firstKey = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {identity.Hash}");
        await foreach (var receiptRow in receipts.QueryAsync<TableEntity>(filter, select: ["RowKey", "ReceivedAt"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var receivedAt = receiptRow.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MaxValue;
            if (count == 0 || receivedAt < first || (receivedAt == first && string.CompareOrdinal(receiptRow.RowKey, firstKey) < 0))
            {
                first = receivedAt;
                firstKey = receiptRow.RowKey;
            }

            count++;
        }

        if (count == 0)
        {
            // Our own receipt is written before this; only a concurrent clean-up could hide it.
            throw new InvalidOperationException("The event's receipt is missing.");
        }

        var row = NewRow(identity, parsed, envelope.EventType, first, count);

        // The raw body of the earliest copy wins, so copies that differ only in layout still give one answer.
        if (firstKey == receiptKey || current is null)
        {
            await SetRawAsync(row, identity, body, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            CopyRaw(current, row);
        }

        if (current is null)
        {
            await events.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        else if (!RowColumns.Equal(current, row))
        {
            await events.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        return new RecordedEvent { Identity = identity, Event = parsed, FirstReceivedAt = first, CopiesReceived = count };
    }

    private static TableEntity NewRow(EventIdentity identity, OneStreamEvent parsed, string envelopeEventType, DateTimeOffset first, int count)
    {
        var row = new TableEntity(identity.PartitionKey, identity.RowKey);
        SetIfPresent(row, "EventType", TableLimits.Field(parsed.EventType ?? envelopeEventType));
        SetIfPresent(row, "CallId", TableLimits.Field(parsed.CallId));
        SetIfPresent(row, "ExtensionNumber", TableLimits.Field(parsed.ExtensionNumber));
        SetIfPresent(row, "FromPhone", TableLimits.Field(parsed.FromPhone));
        SetIfPresent(row, "FromCallerId", TableLimits.Field(parsed.FromCallerId));
        SetIfPresent(row, "ToPhone", TableLimits.Field(parsed.ToPhone));
        SetIfPresent(row, "ToCallerId", TableLimits.Field(parsed.ToCallerId));
        SetIfPresent(row, "Queue", TableLimits.Field(parsed.Queue));
        if (parsed.OccurredAt is { } occurredAt)
        {
            row["OccurredAt"] = occurredAt;
        }

        row["FirstReceivedAt"] = first;
        row["CopiesReceived"] = count;
        return row;
    }

    private async Task SetRawAsync(TableEntity row, EventIdentity identity, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        string? text = null;
        try
        {
            text = StrictUtf8.GetString(body.Span);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: a string would change the bytes, so they go to a blob.
        }

        if (text is not null && text.Length <= TableLimits.MaxStringChars)
        {
            row["RawJson"] = text;
            return;
        }

        // Named by the exact bytes, so copies that differ in layout never overwrite each other's blob.
        var blobName = $"{RawBlobPrefix}{identity.PartitionKey}/{identity.Hash}/{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body.Span))}.json";
        await payloads.WriteAsync(blobName, body, cancellationToken).ConfigureAwait(false);
        row["RawBlob"] = blobName;
    }

    private static void CopyRaw(TableEntity from, TableEntity to)
    {
        foreach (var name in (string[])["RawJson", "RawBlob"])
        {
            if (from.TryGetValue(name, out var value) && value is not null)
            {
                to[name] = value;
            }
        }
    }

    private static void SetIfPresent(TableEntity row, string name, string? value)
    {
        if (value is not null)
        {
            row[name] = value;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "This POST was seen before (a queue redelivery); it is not counted again.")]
        public static partial void RedeliveredPost(ILogger logger);
    }
}
