using Azure.Data.Tables;
using OneStream.Ingest.Events;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>Issue 3, point 1: each distinct event applied once, however often it is posted, redelivered or interrupted.</summary>
public sealed class ExactlyOnceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2025, 2, 12, 19, 16, 6, TimeSpan.Zero);

    [Fact]
    public async Task ProcessAsync_CountsEachPostOnce_WhenRetriedBy1streamAndRedeliveredByTheQueue()
    {
        await using var host = new ProcessorHost(azurite);
        var body = Bodies.Inbound(EventTypes.CallRinging, "287", "101", At);
        var posts = Enumerable.Range(0, 3).Select(i => ProcessorHost.Message(body, $"post-{i}", At.AddSeconds(1 + (10 * i)))).ToList();

        // Later posts first, and every post delivered three times.
        foreach (var post in Enumerable.Reverse(posts))
        {
            for (var delivery = 1; delivery <= 3; delivery++)
            {
                await host.ProcessAsync(post, delivery);
            }
        }

        var eventRow = Assert.Single(await host.Table(host.Names.EventsTable).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(3, eventRow.GetInt32("CopiesReceived"));
        Assert.Equal(At.AddSeconds(1), eventRow.GetDateTimeOffset("FirstReceivedAt"));
        var call = Assert.Single(await host.Table(host.Names.CallsTable).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(1, call.GetInt32("EventCount"));
        Assert.Equal(1, call.GetInt32("RingCount"));
    }

    [Fact]
    public async Task ProcessAsync_KeepsOneRowWithTheEarliestCopysBytes_WhenCopiesDifferOnlyInLayout()
    {
        await using var host = new ProcessorHost(azurite);
        const string Compact = """{"EventType":"CallEnd","CallID":"286","ExtensionNumber":"100","DateTimeStamp":"2/12/2025 7:29:01 PM","FromPhone":"+15551234567"}""";
        const string Spread = """
            {
              "fromphone" : "+15551234567",
              "DATETIMESTAMP" : "2/12/2025 7:29:01 PM",
              "extensionNumber" : "100",
              "callid" : "286",
              "eventtype" : "CallEnd"
            }
            """;

        var late = await host.ProcessAsync(Compact, "late", At.AddMinutes(2));
        var early = await host.ProcessAsync(Spread, "early", At.AddMinutes(1));

        Assert.Equal(late.EventId, early.EventId);
        var row = Assert.Single(await host.Table(host.Names.EventsTable).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(2, row.GetInt32("CopiesReceived"));
        Assert.Equal(Spread, row.GetString("RawJson"));
        Assert.Equal(1, Assert.Single(await host.Table(host.Names.CallsTable).QueryAsync<TableEntity>().ToListAsync()).GetInt32("EventCount"));
    }

    [Fact]
    public async Task ProcessAsync_ConvergesOnTheCleanResult_WhenTheProcessDiesAfterAnyWrite()
    {
        // A call with three events already applied; the fourth is interrupted after each of its writes in turn,
        // then delivered again (same envelope) to a healthy processor.
        var earlier = RealisticScenarioTests.QueueCallTransferred()[..3].Select((body, i) => ProcessorHost.Message(body, $"e{i}", At.AddSeconds(i))).ToList();
        var interrupted = ProcessorHost.Message(Bodies.Inbound(EventTypes.CallConnected, "287", "101", At.AddSeconds(30)), "connected", At.AddSeconds(31));
        var (expected, writes) = await CleanRunAsync([.. earlier, interrupted], earlier.Count);
        Assert.InRange(writes, 4, 20);

        for (var crashAfter = 1; crashAfter <= writes; crashAfter++)
        {
            var names = AzuriteFixture.UniqueNames();
            await using (var healthy = new ProcessorHost(azurite, names))
            {
                foreach (var message in earlier)
                {
                    await healthy.ProcessAsync(message);
                }
            }

            var crashing = new CrashingTables(azurite.Tables, crashAfter);
            await using (var dying = new ProcessorHost(azurite, names, decorateTables: _ => crashing))
            {
                await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.ProcessAsync(interrupted));
            }

            await using var restarted = new ProcessorHost(azurite, names);
            await restarted.ProcessAsync(interrupted, dequeueCount: 2);
            Assert.Equal(expected, TableSnapshot.WithoutTableName(await restarted.PublicTablesAsync()));
        }
    }

    [Fact]
    public async Task ProcessAsync_CountsBothPosts_WhenA1streamRetryArrivesWhileTheFirstPostIsStillFailing()
    {
        var body = Bodies.Transcription("220273", At, " Hello.");
        var first = ProcessorHost.Message(body, "first", At.AddSeconds(1));
        var retry = ProcessorHost.Message(body, "retry", At.AddSeconds(40));
        var (expected, writes) = await CleanRunAsync([first, retry], 0);

        for (var crashAfter = 1; crashAfter <= 3; crashAfter++)
        {
            var names = AzuriteFixture.UniqueNames();
            await using (var dying = new ProcessorHost(azurite, names, decorateTables: inner => new CrashingTables(inner, crashAfter)))
            {
                await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.ProcessAsync(first));
            }

            await using var healthy = new ProcessorHost(azurite, names);
            await healthy.ProcessAsync(retry);
            await healthy.ProcessAsync(first, dequeueCount: 2);
            var tables = TableSnapshot.WithoutTableName(await healthy.PublicTablesAsync());
            Assert.Equal(expected, tables);
            Assert.Contains(tables, line => line.EndsWith("|CopiesReceived=2 (Int32)", StringComparison.Ordinal));
        }

        Assert.True(writes > 0);
    }

    /// <summary>The tables after processing the messages once each, and how many writes the messages from <paramref name="countFrom"/> on made.</summary>
    private async Task<(List<string> Tables, int Writes)> CleanRunAsync(List<QueuedMessage> messages, int countFrom)
    {
        var counting = new CrashingTables(azurite.Tables);
        await using var host = new ProcessorHost(azurite, decorateTables: _ => counting);
        var before = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (i == countFrom)
            {
                before = counting.Writes;
            }

            await host.ProcessAsync(messages[i]);
        }

        return (TableSnapshot.WithoutTableName(await host.PublicTablesAsync()), counting.Writes - before);
    }
}
