using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStream.Ingest.Events;
using OneStream.Ingest.Storage;

namespace OneStream.Ingest.Calls;

/// <summary>
/// Keeps OneStreamCalls equal to <see cref="CallBuilder"/>'s answer for each CallID's indexed events, however
/// events arrive and however many processors write at once.
/// <para>
/// A rebuild round reads the CallID's round marker (a row in the index partition), then the index window that the
/// three dates an event can affect depend on, then the call rows of those dates; it writes each date's rows in one
/// transaction (add, ETag-conditional replace, ETag-conditional delete) and finally moves the marker on,
/// ETag-conditionally. Any conflict (409/412) starts the round again from fresh reads. Rounds that complete are
/// therefore serial, each one sees every event indexed before it began, and a round that lost (and may have
/// written a stale row) always runs again and puts it right.
/// </para>
/// </summary>
public sealed partial class CallRebuilder(
    OneStreamTables tables, CallBuilder builder, IOptions<CallOptions> options, TimeProvider clock, ILogger<CallRebuilder> logger)
{
    /// <summary>RowKey of the round marker in a CallID's index partition; sorts after every event key (digits).</summary>
    public const string RoundMarkerRowKey = "rebuild";

    /// <summary>A call is assumed to last less than this; with <see cref="CallOptions.CallGap"/> ≤ 1 day it bounds what a rebuild reads.</summary>
    public static readonly TimeSpan MaxCallDuration = TimeSpan.FromDays(1);

    private const int MaxTransactionActions = 100;

    // Rebuilds of one CallID and date in this process take turns and share runs; racing other processes is what
    // the optimistic protocol is for.
    private readonly RebuildCoalescer<(string CallKey, DateOnly Date)> _coalescer = new();

    /// <summary>Adds the event to its CallID's index; a copy already there changes nothing.</summary>
    public async Task IndexAsync(string callId, CallEvent callEvent, CancellationToken cancellationToken)
    {
        var index = await tables.CallIndexAsync(cancellationToken).ConfigureAwait(false);
        await OptimisticConcurrency.AddIfAbsentAsync(index, callEvent.ToIndexEntity(TableKey.Encode(callId)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rewrites the CallID's rows on the day before, of and after <paramref name="date"/>.</summary>
    /// <returns>How many rows were added, replaced or deleted.</returns>
    public async Task<int> RebuildAsync(string callId, DateOnly date, CancellationToken cancellationToken)
    {
        var index = await tables.CallIndexAsync(cancellationToken).ConfigureAwait(false);
        var calls = await tables.CallsAsync(cancellationToken).ConfigureAwait(false);
        var callKey = TableKey.Encode(callId);
        var rounds = 0;
        var written = await _coalescer.RunAsync(
            (callKey, date),
            token => OptimisticConcurrency.RetryAsync(
                ct =>
                {
                    rounds++;
                    return RoundAsync(index, calls, callId, callKey, date, ct);
                },
                OptimisticConcurrency.IsConflictOrGone,
                token),
            cancellationToken).ConfigureAwait(false);

        if (rounds > 1)
        {
            Log.RoundsRepeated(logger, rounds);
        }

        return written;
    }

    private async Task<int> RoundAsync(TableClient index, TableClient calls, string callId, string callKey, DateOnly date, CancellationToken cancellationToken)
    {
        // The marker first: whatever a completed round wrote, a round that read the marker after it sees.
        var marker = await index.GetEntityIfExistsAsync<TableEntity>(callKey, RoundMarkerRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);

        DateOnly[] dates = [date.AddDays(-1), date, date.AddDays(1)];
        var events = await ReadIndexAsync(index, callKey, dates[0], dates[^1], cancellationToken).ConfigureAwait(false);

        // A call row is filed under the date of an event, and the index only grows: a date without any event of
        // this CallID in the window has no row of it to read or to write.
        var partitions = dates
            .Select(EventIdentity.DatePartition)
            .Where(p => events.Any(e => EventIdentity.DatePartition(e.OccurredAt.UtcDateTime) == p))
            .ToArray();
        var existing = await Task.WhenAll(partitions.Select(p => ReadRowsAsync(calls, p, callKey, cancellationToken))).ConfigureAwait(false);

        var now = clock.GetUtcNow();
        var wanted = builder.Build(callId, events, now)
            .Where(r => partitions.Contains(r.PartitionKey, StringComparer.Ordinal))
            .Select(r => r.ToEntity())
            .ToLookup(e => e.PartitionKey, StringComparer.Ordinal);

        var written = 0;
        for (var i = 0; i < partitions.Length; i++)
        {
            var actions = Plan(existing[i], wanted[partitions[i]]);
            foreach (var chunk in actions.Chunk(MaxTransactionActions))
            {
                await calls.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
            }

            written += actions.Count;
        }

        // Last, move the marker on: if another round completed since we read it, this fails and the round runs
        // again, putting right anything it wrote from an older view.
        var current = marker.HasValue ? marker.Value : null;
        var next = new TableEntity(callKey, RoundMarkerRowKey) { ["Rounds"] = (current?.GetInt64("Rounds") ?? 0) + 1, ["LastRoundAt"] = now };
        if (current is not null)
        {
            await index.UpdateEntityAsync(next, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await index.AddEntityAsync(next, cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private static List<TableTransactionAction> Plan(Dictionary<string, TableEntity> existing, IEnumerable<TableEntity> wanted)
    {
        var actions = new List<TableTransactionAction>();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in wanted)
        {
            kept.Add(row.RowKey);
            if (!existing.TryGetValue(row.RowKey, out var current))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
            }
            else if (!RowColumns.Equal(current, row))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, current.ETag));
            }
        }

        foreach (var (rowKey, current) in existing)
        {
            if (!kept.Contains(rowKey))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, current, current.ETag));
            }
        }

        return actions;
    }

    /// <summary>The CallID's rows of one date: RowKey the encoded CallID, or it followed by <c>-n</c>.</summary>
    private static async Task<Dictionary<string, TableEntity>> ReadRowsAsync(TableClient calls, string partition, string callKey, CancellationToken cancellationToken)
    {
        // '-' never occurs in an encoded CallID, and '.' is the character after it: the range holds exactly "callKey-…".
        var from = callKey + "-";
        var to = callKey + ".";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and (RowKey eq {callKey} or (RowKey gt {from} and RowKey lt {to}))");
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in calls.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows[row.RowKey] = row;
        }

        return rows;
    }

    /// <summary>
    /// Everything the calls starting on the given dates depend on: whether an event starts a call depends on the
    /// CallGap before it, and a call's events follow its start by less than <see cref="MaxCallDuration"/>.
    /// </summary>
    private async Task<List<CallEvent>> ReadIndexAsync(TableClient index, string callKey, DateOnly firstDate, DateOnly lastDate, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(firstDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - options.Value.CallGap;
        var end = new DateTimeOffset(lastDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + MaxCallDuration;
        var from = CallEvent.IndexKeyAt(start);
        var to = CallEvent.IndexKeyAt(end);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {callKey} and RowKey ge {from} and RowKey lt {to}");
        var events = new List<CallEvent>();
        await foreach (var row in index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add(CallEvent.FromIndexEntity(row));
        }

        return events;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Call rows rebuilt after {Rounds} rounds (other writers of the same CallID were at work).")]
        public static partial void RoundsRepeated(ILogger logger, int rounds);
    }
}
