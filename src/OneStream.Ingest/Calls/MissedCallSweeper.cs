using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStream.Ingest.Events;
using OneStream.Ingest.Storage;

namespace OneStream.Ingest.Calls;

/// <summary>
/// CallEnd never fires for a caller who hangs up while ringing, so no event ever moves such a call on. The
/// sweep finds recent rows still Ringing whose last event is older than <see cref="CallOptions.MissedAfter"/> and
/// rebuilds them through <see cref="CallRebuilder"/>, which computes Missed with the clock (conditionally, like
/// every call write, so a sweep never overwrites an event that arrived meanwhile).
/// </summary>
public sealed partial class MissedCallSweeper(
    OneStreamTables tables, CallRebuilder rebuilder, IOptions<CallOptions> options, TimeProvider clock, ILogger<MissedCallSweeper> logger)
{
    /// <returns>How many ringing calls were due and rebuilt.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var calls = await tables.CallsAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var due = now - options.Value.MissedAfter;
        var first = EventIdentity.DatePartition((now - options.Value.MissedSweepLookback).UtcDateTime);
        var last = EventIdentity.DatePartition(now.UtcDateTime);
        var ringing = CallStatuses.Ringing;
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {first} and PartitionKey le {last} and Status eq {ringing}");

        var swept = 0;
        await foreach (var row in calls.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "CallId", "LastEventAt"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetDateTimeOffset("LastEventAt") is not { } lastEventAt || lastEventAt > due || row.GetString("CallId") is not { } callId)
            {
                continue;
            }

            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["CallId"] = callId });
            await rebuilder.RebuildAsync(callId, DateOnly.ParseExact(row.PartitionKey, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
            swept++;
        }

        Log.Swept(logger, swept);
        return swept;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Missed-call sweep rebuilt {Count} ringing calls.")]
        public static partial void Swept(ILogger logger, int count);
    }
}
