using Azure.Data.Tables;
using OneStream.Ingest.Events;
using OneStream.Ingest.Processing;
using OneStream.Ingest.Transcriptions;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>Issue 3, point 7: the seed's kinds of calls, as 1stream would send them, checked column by column.</summary>
public sealed class RealisticScenarioTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset T0 = new(2025, 2, 12, 19, 16, 6, TimeSpan.Zero);

    /// <summary>A queue call: three agents rung, polled twice; 101 answers, transfers to 104, 104 ends.</summary>
    public static List<string> QueueCallTransferred(string callId = "287") =>
    [
        Bodies.Inbound(EventTypes.CallRinging, callId, "101", T0),
        Bodies.Inbound(EventTypes.CallRinging, callId, "102", T0.AddSeconds(1)),
        Bodies.Inbound(EventTypes.CallRinging, callId, "103", T0.AddSeconds(1)),
        Bodies.Inbound(EventTypes.CallRinging, callId, "103", T0.AddSeconds(22)),
        Bodies.Inbound(EventTypes.CallRinging, callId, "101", T0.AddSeconds(23)),
        Bodies.Inbound(EventTypes.CallRinging, callId, "102", T0.AddSeconds(23)),
        Bodies.Inbound(EventTypes.CallConnected, callId, "101", T0.AddSeconds(30)),
        Bodies.Inbound(EventTypes.CallConnected, callId, "104", T0.AddSeconds(95)),
        Bodies.Inbound(EventTypes.CallEnd, callId, "104", T0.AddSeconds(400)),
    ];

    [Fact]
    public async Task ProcessAsync_WritesEveryColumn_WhenAQueueCallIsPolledAnsweredTransferredAndEnded()
    {
        await using var host = new ProcessorHost(azurite);
        foreach (var body in QueueCallTransferred())
        {
            Assert.Equal(ProcessedAs.CallEvent, (await host.ProcessAsync(body)).Outcome);
        }

        var row = await SingleCallAsync(host);
        Assert.Equal("2025-02-12", row.PartitionKey);
        Assert.Equal("287", row.RowKey);
        AssertColumns(row, new()
        {
            ["CallId"] = "287",
            ["Direction"] = "Inbound",
            ["Status"] = "Completed",
            ["ExternalNumber"] = "+15551234567",
            ["TrunkDetail"] = SeedPayloads.Trunk,
            ["Queue"] = "Sales",
            ["Extension"] = "101",
            ["ExtensionsConnected"] = "101,104",
            ["ExtensionsRung"] = "101,102,103",
            ["RingCount"] = 6,
            ["FirstEventAt"] = T0,
            ["FirstRingAt"] = T0,
            ["ConnectedAt"] = T0.AddSeconds(30),
            ["EndedAt"] = T0.AddSeconds(400),
            ["LastEventAt"] = T0.AddSeconds(400),
            ["WaitSeconds"] = 30.0,
            ["TalkSeconds"] = 370.0,
            ["EventCount"] = 9,
        });
    }

    [Fact]
    public async Task ProcessAsync_WritesEveryColumn_WhenAnOutboundCallConnectsAndEnds()
    {
        await using var host = new ProcessorHost(azurite);
        var at = new DateTimeOffset(2025, 2, 12, 19, 20, 7, TimeSpan.Zero);
        await host.ProcessAsync(Bodies.Outbound(EventTypes.CallConnected, "295", "100", at, calleeId: "ACME Corp"));
        await host.ProcessAsync(Bodies.Outbound(EventTypes.CallEnd, "295", "100", at.AddSeconds(409)));

        var row = await SingleCallAsync(host);
        Assert.Equal(("2025-02-12", "295"), (row.PartitionKey, row.RowKey));
        AssertColumns(row, new()
        {
            ["CallId"] = "295",
            ["Direction"] = "Outbound",
            ["Status"] = "Completed",
            ["ExternalNumber"] = "+15551234567",
            ["ExternalCallerId"] = "ACME Corp",
            ["TrunkDetail"] = SeedPayloads.Trunk,
            ["Extension"] = "100",
            ["ExtensionsConnected"] = "100",
            ["RingCount"] = 0,
            ["FirstEventAt"] = at,
            ["ConnectedAt"] = at,
            ["EndedAt"] = at.AddSeconds(409),
            ["LastEventAt"] = at.AddSeconds(409),
            ["TalkSeconds"] = 409.0,
            ["EventCount"] = 2,
        });
    }

    [Fact]
    public async Task ProcessAsync_WritesAMissedCall_WhenACallerHangsUpWhileRinging()
    {
        await using var host = new ProcessorHost(azurite);
        var at = new DateTimeOffset(2025, 2, 13, 9, 0, 0, TimeSpan.Zero);
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, "301", "101", at, queue: null, callerId: "J SMITH"));
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, "301", "102", at.AddSeconds(2), queue: null, callerId: "J SMITH"));

        var row = await SingleCallAsync(host);
        AssertColumns(row, new()
        {
            ["CallId"] = "301",
            ["Direction"] = "Inbound",
            ["Status"] = "Missed",
            ["ExternalNumber"] = "+15551234567",
            ["ExternalCallerId"] = "J SMITH",
            ["TrunkDetail"] = SeedPayloads.Trunk,
            ["ExtensionsRung"] = "101,102",
            ["RingCount"] = 2,
            ["FirstEventAt"] = at,
            ["FirstRingAt"] = at,
            ["LastEventAt"] = at.AddSeconds(2),
            ["EventCount"] = 2,
        });
    }

    [Fact]
    public async Task ProcessAsync_WritesTheTranscriptionRow_WhenTranscriptionReadyArrives()
    {
        await using var host = new ProcessorHost(azurite);
        var receivedAt = new DateTimeOffset(2025, 2, 12, 19, 13, 18, TimeSpan.Zero);

        var result = await host.ProcessAsync(SeedPayloads.TranscriptionReady, receivedAt: receivedAt);

        Assert.Equal(ProcessedAs.Transcription, result.Outcome);
        var row = Assert.Single(await host.Table(host.Names.TranscriptionsTable).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(("220273", TranscriptionWriter.TranscriptionRowKey), (row.PartitionKey, row.RowKey));
        const string Text = " Doing full testing. Testing 1-2 three. One 2-3 testing. Testing. Testing 1-2 Three. Testing 1-2 three. Testing 1-2 three. Wait a minute. Not yet. And finish.";
        AssertColumns(row, new()
        {
            ["CallId"] = "220273",
            ["TranscribedAt"] = new DateTimeOffset(2025, 2, 12, 19, 13, 17, TimeSpan.Zero),
            ["ReceivedAt"] = receivedAt,
            ["TextLength"] = Text.Length,
            ["TextParts"] = 1,
            ["Text"] = Text,
        });
        Assert.Empty(await host.SnapshotAsync(host.Names.CallsTable));
    }

    [Fact]
    public async Task ProcessAsync_WritesTheEventRow_ForEachSeedPayload()
    {
        await using var host = new ProcessorHost(azurite);
        var receivedAt = new DateTimeOffset(2025, 2, 12, 19, 16, 28, TimeSpan.Zero);

        var result = await host.ProcessAsync(SeedPayloads.InboundConnected, receivedAt: receivedAt);

        var row = (await host.Table(host.Names.EventsTable).GetEntityAsync<TableEntity>(result.EventPartitionKey, result.EventRowKey)).Value;
        Assert.Equal("2025-02-12", row.PartitionKey);
        Assert.StartsWith("191627-CallConnected-", row.RowKey, StringComparison.Ordinal);
        AssertColumns(row, new()
        {
            ["EventType"] = "CallConnected",
            ["CallId"] = "287",
            ["ExtensionNumber"] = "100",
            ["FromPhone"] = "+15551234567",
            ["ToPhone"] = SeedPayloads.Trunk,
            ["Queue"] = "Queue Name",
            ["OccurredAt"] = new DateTimeOffset(2025, 2, 12, 19, 16, 27, TimeSpan.Zero),
            ["FirstReceivedAt"] = receivedAt,
            ["CopiesReceived"] = 1,
            ["RawJson"] = SeedPayloads.InboundConnected,
        });
    }

    private static async Task<TableEntity> SingleCallAsync(ProcessorHost host) =>
        Assert.Single(await host.Table(host.Names.CallsTable).QueryAsync<TableEntity>().ToListAsync());

    /// <summary>Exactly these columns and no others (an unknown value is no column).</summary>
    internal static void AssertColumns(TableEntity row, Dictionary<string, object> expected)
    {
        var actual = Ingest.Storage.RowColumns.Of(row);
        actual.Remove("PartitionKey");
        actual.Remove("RowKey");
        Assert.Equal(
            expected.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Normalize(p.Value)}"),
            actual.Select(p => $"{p.Key}={Normalize(p.Value)}"));
    }

    private static string Normalize(object value) => value switch
    {
        DateTimeOffset time => time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => $"{value} ({value.GetType().Name})",
    };
}
