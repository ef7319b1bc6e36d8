using System.Text;
using Azure;
using Azure.Data.Tables;
using OneStream.Ingest.Events;
using OneStream.Ingest.Processing;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Webhooks;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>Issue 3, point 6: what is kept, what fails (and so is retried, then poisoned), and untrusted keys.</summary>
public sealed class WebhookProcessorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2025, 2, 12, 19, 16, 6, TimeSpan.Zero);

    [Fact]
    public async Task ProcessAsync_KeepsTheEventAndChangesNoCall_WhenTheEventTypeIsUnknown()
    {
        await using var host = new ProcessorHost(azurite);
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, "287", "101", At));
        var callsBefore = await host.SnapshotAsync(host.Names.CallsTable);
        var body = Bodies.Body("CallParked", "287", "101", Bodies.Caller, null, Bodies.Trunk, "", At.AddSeconds(5), "Sales");

        var result = await host.ProcessAsync(body);

        Assert.Equal(ProcessedAs.UnknownEventType, result.Outcome);
        var row = (await host.Table(host.Names.EventsTable).GetEntityAsync<TableEntity>(result.EventPartitionKey, result.EventRowKey)).Value;
        Assert.Equal("CallParked", row.GetString("EventType"));
        Assert.Equal(body, row.GetString("RawJson"));
        Assert.StartsWith("191611-CallParked-", row.RowKey, StringComparison.Ordinal);
        Assert.Equal(callsBefore, await host.SnapshotAsync(host.Names.CallsTable));
    }

    [Fact]
    public async Task ProcessAsync_KeepsWhatParsed_WhenFieldsDoNotParse()
    {
        await using var host = new ProcessorHost(azurite);
        const string Body = """{"EventType":"CallRinging","CallID":{"nested":1},"ExtensionNumber":101,"DateTimeStamp":"31/31/2025 7:16:06 PM","FromPhone":"+15551234567","Queue":["a"]}""";
        var receivedAt = new DateTimeOffset(2025, 2, 12, 23, 59, 0, TimeSpan.Zero);

        var result = await host.ProcessAsync(Body, receivedAt: receivedAt);

        Assert.Equal(ProcessedAs.Incomplete, result.Outcome);
        var row = (await host.Table(host.Names.EventsTable).GetEntityAsync<TableEntity>(result.EventPartitionKey, result.EventRowKey)).Value;
        Assert.Equal("2025-02-12", row.PartitionKey);
        Assert.StartsWith(EventIdentity.UndatedRowKeyPrefix + "-CallRinging-", row.RowKey, StringComparison.Ordinal);
        RealisticScenarioTests.AssertColumns(row, new()
        {
            ["EventType"] = "CallRinging",
            ["ExtensionNumber"] = "101",
            ["FromPhone"] = "+15551234567",
            ["FirstReceivedAt"] = receivedAt,
            ["CopiesReceived"] = 1,
            ["RawJson"] = Body,
        });
        Assert.Empty(await host.SnapshotAsync(host.Names.CallsTable));
    }

    [Fact]
    public async Task ProcessAsync_StoresTheExactBytesInABlob_WhenTheBodyIsTooLongForAProperty()
    {
        await using var host = new ProcessorHost(azurite);
        var body = Bodies.Transcription("220300", At, new string('x', 40_000));

        var result = await host.ProcessAsync(body);

        var row = (await host.Table(host.Names.EventsTable).GetEntityAsync<TableEntity>(result.EventPartitionKey, result.EventRowKey)).Value;
        Assert.Null(row.GetString("RawJson"));
        var blob = row.GetString("RawBlob");
        Assert.StartsWith(PayloadStore.StoredPrefix, blob, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(body), (await host.Payloads.ReadAsync(blob!, CancellationToken.None)).ToArray());
    }

    [Fact]
    public async Task ProcessAsync_KeepsTheEventOnly_WhenTheCallIdIsTooLongToNameARow()
    {
        await using var host = new ProcessorHost(azurite);
        var callId = new string('7', 10_000);

        var ringing = await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, callId, "101", At));
        var transcription = await host.ProcessAsync(Bodies.Transcription(callId, At, " text"));

        Assert.Equal((ProcessedAs.Incomplete, ProcessedAs.Incomplete), (ringing.Outcome, transcription.Outcome));
        Assert.Equal(2, (await host.Table(host.Names.EventsTable).QueryAsync<TableEntity>().ToListAsync()).Count);
        Assert.Empty(await host.SnapshotAsync(host.Names.CallsTable));
        Assert.Empty(await host.SnapshotAsync(host.Names.TranscriptionsTable));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"v":2,"id":"x"}""")]
    [InlineData("""{"v":1,"id":"x","receivedAt":"2025-02-12T19:16:06Z"}""")]
    public async Task ProcessAsync_Throws_WhenTheMessageIsNotAnEnvelope(string message)
    {
        await using var host = new ProcessorHost(azurite);

        await Assert.ThrowsAsync<FormatException>(() => host.Processor.ProcessAsync(Encoding.UTF8.GetBytes(message), "m1", 5, CancellationToken.None));
    }

    [Fact]
    public async Task ProcessAsync_ThrowsEveryTime_WhenTheClaimCheckBlobIsMissing()
    {
        await using var host = new ProcessorHost(azurite);
        await host.Payloads.EnsureContainerAsync(CancellationToken.None);
        var message = ClaimCheck("incoming/2025/02/12/gone.json", Encoding.UTF8.GetBytes(SeedPayloads.InboundRinging));

        for (var delivery = 1; delivery <= 5; delivery++)
        {
            var error = await Assert.ThrowsAsync<RequestFailedException>(() => host.Processor.ProcessAsync(message, "m1", delivery, CancellationToken.None));
            Assert.Equal(404, error.Status);
        }

        Assert.Empty(await host.PublicTablesAsync());
    }

    [Fact]
    public async Task ProcessAsync_BuildsTheCall_WhenTheBodyHasABomOrLatin1Text()
    {
        await using var host = new ProcessorHost(azurite);
        var withBom = JsonBody.Utf8Bom.ToArray().Concat(Encoding.UTF8.GetBytes(Bodies.Inbound(EventTypes.CallRinging, "288", "101", At))).ToArray();
        var latin1 = Encoding.Latin1.GetBytes(Bodies.Body(EventTypes.CallConnected, "288", "101", Bodies.Caller, "JOSE", Bodies.Trunk, "", At.AddSeconds(9), "Sales").Replace("JOSE", "José", StringComparison.Ordinal));
        await host.Payloads.WriteAsync("incoming/2025/02/12/bom.json", withBom, CancellationToken.None);
        await host.Payloads.WriteAsync("incoming/2025/02/12/latin1.json", latin1, CancellationToken.None);

        var ringing = await host.Processor.ProcessAsync(ClaimCheck("incoming/2025/02/12/bom.json", withBom), "m1", 1, CancellationToken.None);
        var connected = await host.Processor.ProcessAsync(ClaimCheck("incoming/2025/02/12/latin1.json", latin1), "m2", 1, CancellationToken.None);

        Assert.Equal(ProcessedAs.CallEvent, ringing.Outcome);
        Assert.Equal(ProcessedAs.CallEvent, connected.Outcome);
        var call = Assert.Single(await host.Table(host.Names.CallsTable).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal("288", call.RowKey);
        Assert.Equal("Connected", call.GetString("Status"));
        Assert.Equal("José", call.GetString("ExternalCallerId"));
        var eventRow = (await host.Table(host.Names.EventsTable).GetEntityAsync<TableEntity>(connected.EventPartitionKey, connected.EventRowKey)).Value;
        Assert.Equal(latin1, (await host.Payloads.ReadAsync(eventRow.GetString("RawBlob")!, CancellationToken.None)).ToArray());
    }

    [Fact]
    public async Task ProcessAsync_StoresA300000CharacterTranscriptWhole_WhenItArrivesThroughTheClaimCheck()
    {
        await using var host = new ProcessorHost(azurite);
        var text = Transcript(300_000);
        var body = Encoding.UTF8.GetBytes(Bodies.Transcription("220301", At, text));
        await host.Payloads.WriteAsync("incoming/2025/02/12/big.json", body, CancellationToken.None);

        var result = await host.Processor.ProcessAsync(ClaimCheck("incoming/2025/02/12/big.json", body), "m1", 1, CancellationToken.None);

        Assert.Equal(ProcessedAs.Transcription, result.Outcome);
        var row = Assert.Single(await host.Table(host.Names.TranscriptionsTable).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(300_000, row.GetInt32("TextLength"));
        Assert.Equal(10, row.GetInt32("TextParts"));
        Assert.Null(row.GetString("TextBlob"));
        Assert.Equal(text, Ingest.Transcriptions.TranscriptText.Join(row));
        var eventRow = (await host.Table(host.Names.EventsTable).GetEntityAsync<TableEntity>(result.EventPartitionKey, result.EventRowKey)).Value;
        Assert.Equal(body, (await host.Payloads.ReadAsync(eventRow.GetString("RawBlob")!, CancellationToken.None)).ToArray());
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b?c")]
    [InlineData("tab\there\u0001\u007f\u0085x")]
    [InlineData("50% 'quoted' ~tilde~")]
    [InlineData("-2")]
    public async Task ProcessAsync_EncodesKeyFieldsItCannotUseAsTheyAre_WhenACallIdHasForbiddenCharacters(string callId)
    {
        await using var host = new ProcessorHost(azurite);
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, callId, "101", At));
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallConnected, callId, "101", At.AddSeconds(5)));
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, callId, "102", At.AddHours(-7)));
        await host.ProcessAsync(Bodies.Transcription(callId, At, " text"));

        var calls = await host.Table(host.Names.CallsTable).QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal([TableKey.Encode(callId), TableKey.Encode(callId) + "-2"], calls.Select(c => c.RowKey).Order(StringComparer.Ordinal));
        Assert.All(calls, c => Assert.Equal(callId, c.GetString("CallId")));
        Assert.Equal(2, calls.Single(c => c.RowKey == TableKey.Encode(callId) + "-2").GetInt32("EventCount"));
        var transcription = Assert.Single(await host.Table(host.Names.TranscriptionsTable).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(callId, transcription.GetString("CallId"));
        Assert.Equal(4, (await host.Table(host.Names.EventsTable).QueryAsync<TableEntity>().ToListAsync()).Count);
    }

    internal static string Transcript(int length)
    {
        var builder = new StringBuilder(length);
        var random = new Random(length);
        string[] words = ["hello", "thanks", "for", "calling", "acme", "how", "can", "I", "help", "you", "today", "order", "número", "日本"];
        while (builder.Length < length)
        {
            builder.Append(words[random.Next(words.Length)]).Append(' ');
        }

        return builder.ToString(0, length);
    }

    private static byte[] ClaimCheck(string blobName, byte[] body) => WebhookEnvelopeSerializer.Serialize(new WebhookEnvelope
    {
        Id = Guid.NewGuid().ToString("N"),
        ReceivedAt = At,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)),
        EventType = "TranscriptionReady",
        BodyLength = body.Length,
        BodyBlob = blobName,
    });
}
