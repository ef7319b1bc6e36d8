using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using OneStream.Ingest.Events;
using OneStream.Ingest.Storage;

namespace OneStream.Ingest.Transcriptions;

/// <summary>
/// Keeps one OneStreamTranscriptions row per permanent CallID: the transcription with the latest TranscribedAt.
/// Between two with the same TranscribedAt the one whose text has the higher SHA-256 wins, and between copies of
/// the same text the earliest ReceivedAt: whichever order they arrive in, the row ends the same. Writes are
/// ETag-conditional, and a lost race re-reads and decides again.
/// </summary>
public sealed partial class TranscriptionWriter(OneStreamTables tables, PayloadStore payloads, ILogger<TranscriptionWriter> logger)
{
    /// <summary>Each CallID's partition holds its one row under this RowKey.</summary>
    public const string TranscriptionRowKey = "transcription";

    public const string TextBlobPrefix = PayloadStore.StoredPrefix + "transcriptions/";

    /// <returns>True when the row now holds this transcription (it won, or was already there).</returns>
    public async Task<bool> WriteAsync(RecordedEvent recorded, CancellationToken cancellationToken)
    {
        var callId = recorded.Event.CallId ?? throw new ArgumentException("A transcription needs a CallID.", nameof(recorded));
        var table = await tables.TranscriptionsAsync(cancellationToken).ConfigureAwait(false);
        var text = recorded.Event.Transcription ?? string.Empty;
        var textHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var candidate = await NewRowAsync(TableKey.Encode(callId), callId, recorded, text, textHash, cancellationToken).ConfigureAwait(false);

        return await OptimisticConcurrency.RetryAsync(
            async ct =>
            {
                var existing = await table.GetEntityIfExistsAsync<TableEntity>(candidate.PartitionKey, candidate.RowKey, cancellationToken: ct).ConfigureAwait(false);
                if (!existing.HasValue || existing.Value is null)
                {
                    await table.AddEntityAsync(candidate, ct).ConfigureAwait(false);
                    return true;
                }

                var current = existing.Value;
                var order = Compare(candidate, textHash, current, CurrentTextHash(current));
                if (order <= 0)
                {
                    Log.KeptCurrent(logger, order == 0);
                    return order == 0;
                }

                await table.UpdateEntityAsync(candidate, current.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Positive when the candidate should replace the current row; 0 when they are the same.</summary>
    private static int Compare(TableEntity candidate, string candidateHash, TableEntity current, string currentHash)
    {
        var byTime = Nullable.Compare(candidate.GetDateTimeOffset("TranscribedAt"), current.GetDateTimeOffset("TranscribedAt"));
        if (byTime != 0)
        {
            return byTime;
        }

        var byText = string.CompareOrdinal(candidateHash, currentHash);
        if (byText != 0)
        {
            return byText;
        }

        // Same text: the earliest receive time stays (so the later copy loses).
        return -Nullable.Compare(candidate.GetDateTimeOffset("ReceivedAt"), current.GetDateTimeOffset("ReceivedAt"));
    }

    private static string CurrentTextHash(TableEntity row)
    {
        if (TranscriptText.Join(row) is { } text)
        {
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }

        // A blob is named by its text's hash.
        var blob = row.GetString("TextBlob") ?? string.Empty;
        return Path.GetFileNameWithoutExtension(blob);
    }

    private async Task<TableEntity> NewRowAsync(string partitionKey, string callId, RecordedEvent recorded, string text, string textHash, CancellationToken cancellationToken)
    {
        var row = new TableEntity(partitionKey, TranscriptionRowKey)
        {
            ["CallId"] = callId,
            ["ReceivedAt"] = recorded.FirstReceivedAt,
            ["TextLength"] = text.Length,
        };
        if (recorded.Event.OccurredAt is { } transcribedAt)
        {
            row["TranscribedAt"] = transcribedAt;
        }

        if (TableLimits.StoredBytes(text) <= TableLimits.EntityTextBudgetBytes)
        {
            var parts = TranscriptText.Split(text);
            row["TextParts"] = parts.Count;
            for (var i = 0; i < parts.Count; i++)
            {
                row[TranscriptText.ColumnName(i + 1)] = parts[i];
            }
        }
        else
        {
            // Past what one entity holds: the whole text in a blob under stored/, named by its hash, written first.
            var blobName = $"{TextBlobPrefix}{partitionKey}/{textHash}.txt";
            await payloads.WriteAsync(blobName, Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            row["TextParts"] = 0;
            row["TextBlob"] = blobName;
            Log.TextInBlob(logger, text.Length);
        }

        return row;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "The stored transcription was kept (same one: {Same}); this one is not later.")]
        public static partial void KeptCurrent(ILogger logger, bool same);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "A transcription of {Length} characters is too large for a row and is stored in a blob.")]
        public static partial void TextInBlob(ILogger logger, int length);
    }
}
