using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using OneStream.Simulator.Traffic;

namespace OneStream.Simulator.Storage;

/// <summary>How many of a plan's expected rows the processor has written so far.</summary>
public sealed record RowCount(int CallsFound, int CallsExpected, int TranscriptionsFound, int TranscriptionsExpected)
{
    public bool Complete => CallsFound == CallsExpected && TranscriptionsFound == TranscriptionsExpected;
}

/// <summary>
/// Looks for a plan's call and transcription rows. It counts the plan's own keys, not every row of those
/// partitions, so rows left by earlier runs on the same dates are not mistaken for this run's.
/// </summary>
public sealed class RowCensus(TableServiceClient tables, string callsTable = "OneStreamCalls", string transcriptionsTable = "OneStreamTranscriptions")
{
    /// <summary>Counts until every expected row is there or <paramref name="wait"/> has passed, once a second.</summary>
    public async Task<RowCount> WaitForRowsAsync(TrafficPlan plan, TimeSpan wait, Action<RowCount>? onPoll = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var count = await CountAsync(plan, cancellationToken);
            onPoll?.Invoke(count);
            if (count.Complete || Stopwatch.GetElapsedTime(started) >= wait)
            {
                return count;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    public async Task<RowCount> CountAsync(TrafficPlan plan, CancellationToken cancellationToken = default)
    {
        var expectedCalls = plan.Calls.Select(call => (call.PartitionKey, call.RowKey)).ToHashSet();
        var foundCalls = await KeysAsync(callsTable, plan.Calls.Select(call => call.PartitionKey), cancellationToken);
        var expectedTranscriptions = plan.Transcriptions.Select(t => t.PartitionKey).ToHashSet();
        var foundTranscriptions = await KeysAsync(transcriptionsTable, expectedTranscriptions, cancellationToken);
        return new RowCount(
            foundCalls.Count(expectedCalls.Contains),
            expectedCalls.Count,
            foundTranscriptions.Select(key => key.PartitionKey).Distinct().Count(expectedTranscriptions.Contains),
            expectedTranscriptions.Count);
    }

    /// <summary>The keys of the rows in the range of the given partitions: one query, however many partitions.</summary>
    private async Task<List<(string PartitionKey, string RowKey)>> KeysAsync(string tableName, IEnumerable<string> partitionKeys, CancellationToken cancellationToken)
    {
        var sorted = partitionKeys.Order(StringComparer.Ordinal).ToArray();
        var keys = new List<(string, string)>();
        if (sorted.Length == 0)
        {
            return keys;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {sorted[0]} and PartitionKey le {sorted[^1]}");
        try
        {
            var rows = tables.GetTableClient(tableName)
                .QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
            await foreach (var row in rows)
            {
                keys.Add((row.PartitionKey, row.RowKey));
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // The processor has not created the table yet: no rows.
        }

        return keys;
    }
}
