using System.Globalization;
using System.Net;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Transcriptions;
using OneStream.Ingest.Webhooks;
using OneStream.Simulator.Sending;
using OneStream.Simulator.Storage;
using OneStream.Simulator.Traffic;
using OneStream.Testing;
using Xunit.Abstractions;

namespace OneStream.EndToEnd.Tests;

/// <summary>
/// HTTP in, queue, processor, rows out: the DevHost driven over real HTTP, checked against what was sent. Each
/// test has its own storage names, so "no row" means none at all.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class DevHostAppTests(AzuriteFixture storage, ITestOutputHelper output)
{
    /// <summary>Far more than a run needs on two cores; a hang fails the test instead of the CI job.</summary>
    private static readonly TimeSpan ProcessingBound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Get_AnswersReady()
    {
        await using var host = await DevHostUnderTest.StartAsync(storage);

        using var response = await host.Http.GetAsync(host.ReceiverUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"status\":\"ready\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulatedTraffic_EndsAsExactlyTheRowsTheGeneratorPlanned()
    {
        // Some hundreds of events: 1stream's retries, a 300,000-character transcript and others over the 48 KiB message limit.
        var plan = new TrafficGenerator(new TrafficOptions { Calls = 60, Seed = 20250212, DuplicateRate = 0.1, LongTranscripts = true }).Generate();
        await using var host = await DevHostUnderTest.StartAsync(storage);

        var report = await new WebhookSender(host.Http, host.ReceiverUrl, concurrency: 16).SendAsync(plan.Posts);
        var drained = await WaitUntilProcessedAsync(host, plan);

        output.WriteLine(
            $"{plan.PostCount} POSTs ({plan.DistinctEventCount} distinct events, {plan.DuplicateCount} retries, {plan.Calls.Count} calls, " +
            $"{plan.Transcriptions.Count} transcriptions) sent in {report.Duration.TotalSeconds:0.0} s ({report.PostsPerSecond:0} POST/s, " +
            $"p50 {report.Latency.P50:0} ms, p99 {report.Latency.P99:0} ms); queues drained and rows complete {drained.TotalSeconds:0.0} s later " +
            $"({plan.PostCount / (report.Duration + drained).TotalSeconds:0} events/s end to end)");
        Assert.Equal(new Dictionary<string, int> { ["200"] = plan.PostCount }, report.CountsByOutcome);
        await AssertCallRowsAsync(host, plan);
        await AssertEventRowsAsync(host, plan);
        await AssertTranscriptionRowsAsync(host, plan);
        Assert.Equal(0, await DevHostUnderTest.LengthAsync(host.Storage.Queues.GetQueueClient(StorageNames.PoisonQueueOf(host.Names.CallEventsQueue))));
        Assert.Equal(0, await DevHostUnderTest.LengthAsync(host.Storage.Queues.GetQueueClient(StorageNames.PoisonQueueOf(host.Names.TranscriptionsQueue))));
    }

    [Fact]
    public async Task MalformedAndOversizedBodies_Get4xx_AndLeaveNoMessageBlobOrRow()
    {
        await using var host = await DevHostUnderTest.StartAsync(storage);
        var limit = host.Services.GetRequiredService<IOptions<ReceiverOptions>>().Value.MaxBodyBytes;
        var oversized = Encoding.UTF8.GetBytes($$"""{"EventType":"TranscriptionReady","CallID":"220273","Transcription":"{{new string('a', (int)limit)}}"}""");
        (string Case, Func<HttpContent> Body, HttpStatusCode Status)[] cases =
        [
            ("empty", () => new ByteArrayContent([]), HttpStatusCode.BadRequest),
            ("not JSON", () => new StringContent("EventType=CallEnd&CallID=286"), HttpStatusCode.BadRequest),
            ("a JSON array", () => new StringContent("""[{"EventType":"CallEnd"}]"""), HttpStatusCode.BadRequest),
            ("cut short", () => new StringContent(SeedPayloads.InboundEnd[..60]), HttpStatusCode.BadRequest),
            ("no EventType", () => new StringContent("""{"CallID":"286","DateTimeStamp":"2/12/2025 7:29:01 PM"}"""), HttpStatusCode.BadRequest),
            ("EventType a number", () => new StringContent("""{"EventType":5,"CallID":"286"}"""), HttpStatusCode.BadRequest),
            ("EventType empty", () => new StringContent("""{"EventType":"","CallID":"286"}"""), HttpStatusCode.BadRequest),
            ("over the limit, declared", () => new ByteArrayContent(oversized), HttpStatusCode.RequestEntityTooLarge),
            ("over the limit, chunked", () => new StreamContent(new NonSeekableStream(oversized)), HttpStatusCode.RequestEntityTooLarge),
        ];

        foreach (var (name, body, status) in cases)
        {
            using var content = body();
            using var response = await host.Http.PostAsync(host.ReceiverUrl, content);
            Assert.True(status == response.StatusCode, $"{name}: {(int)response.StatusCode}, expected {(int)status}");
            Assert.Contains("\"error\":", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Then one good event: once it is processed, anything the bad ones had left would be there too.
        using (var good = await host.Http.PostAsync(host.ReceiverUrl, new StringContent(SeedPayloads.InboundEnd)))
        {
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        }

        await Eventually.HoldsAsync(
            async () => await QueuesEmptyAsync(host) && (await host.RowsAsync(host.Names.EventsTable)).Count > 0,
            ProcessingBound,
            host.LogText);
        var row = Assert.Single(await host.RowsAsync(host.Names.EventsTable));
        Assert.Equal(SeedPayloads.InboundEnd, row.GetString("RawJson"));
        Assert.Equal(1, row.GetInt32("CopiesReceived"));
        Assert.Empty(await BlobNamesAsync(host.Storage.Blobs.GetBlobContainerClient(host.Names.PayloadContainer)));
    }

    [Fact]
    public async Task PoisonMessage_LandsInThePoisonQueueAfterMaxDequeueCount_AndTheRestIsProcessed()
    {
        var plan = new TrafficGenerator(new TrafficOptions { Calls = 8, Seed = 11 }).Generate();
        await using var host = await DevHostUnderTest.StartAsync(storage);
        const string NotAnEnvelope = """{"EventType":"CallEnd","note":"put on the queue by hand, not by the receiver"}""";
        await host.CallEventsQueue.CreateIfNotExistsAsync();
        // The fixture's client encodes base64, as the receiver does and host.json's messageEncoding expects.
        await host.CallEventsQueue.SendMessageAsync(NotAnEnvelope);

        var report = await new WebhookSender(host.Http, host.ReceiverUrl, concurrency: 8).SendAsync(plan.Posts);
        var poisonQueue = host.Storage.Queues.GetQueueClient(StorageNames.PoisonQueueOf(host.Names.CallEventsQueue));
        await Eventually.HoldsAsync(
            async () => await DevHostUnderTest.LengthAsync(poisonQueue) == 1 && await QueuesEmptyAsync(host)
                && (await Census(host).CountAsync(plan)).Complete,
            ProcessingBound,
            host.LogText);

        Assert.Equal(0, report.Failed);
        var poisoned = Assert.Single((await poisonQueue.ReceiveMessagesAsync(maxMessages: 32)).Value);
        Assert.Equal(NotAnEnvelope, poisoned.Body.ToString());
        var maxDequeueCount = host.Services.GetRequiredService<IOptions<Microsoft.Azure.WebJobs.Host.QueuesOptions>>().Value.MaxDequeueCount;
        // The WebJobs host logs each failed invocation once, under Function.<name>.
        var failures = host.Logs.Entries.Count(entry => entry.Category == "Function.ProcessCallEvent" && entry.Level == LogLevel.Error);
        Assert.Equal(maxDequeueCount, failures);
        await AssertCallRowsAsync(host, plan);
    }

    private static RowCensus Census(DevHostUnderTest host) =>
        new(host.Storage.Tables, host.Names.CallsTable, host.Names.TranscriptionsTable);

    private static async Task<bool> QueuesEmptyAsync(DevHostUnderTest host) =>
        await DevHostUnderTest.LengthAsync(host.CallEventsQueue) == 0 && await DevHostUnderTest.LengthAsync(host.TranscriptionsQueue) == 0;

    private static Task<TimeSpan> WaitUntilProcessedAsync(DevHostUnderTest host, TrafficPlan plan)
    {
        var census = Census(host);
        (int CallEvents, int Transcriptions, RowCount? Rows) last = default;
        return Eventually.HoldsAsync(
            async () =>
            {
                last = (await DevHostUnderTest.LengthAsync(host.CallEventsQueue), await DevHostUnderTest.LengthAsync(host.TranscriptionsQueue), null);
                if (last.CallEvents + last.Transcriptions > 0)
                {
                    return false;
                }

                last.Rows = await census.CountAsync(plan);
                return last.Rows.Complete;
            },
            ProcessingBound,
            () => $"queues hold {last.CallEvents} call events and {last.Transcriptions} transcriptions, rows {last.Rows}\n{host.LogText()}");
    }

    private static async Task AssertCallRowsAsync(DevHostUnderTest host, TrafficPlan plan)
    {
        var rows = (await host.RowsAsync(host.Names.CallsTable)).ToDictionary(row => (row.PartitionKey, row.RowKey));
        var problems = new List<string>();
        foreach (var call in plan.Calls)
        {
            if (!rows.TryGetValue((call.PartitionKey, call.RowKey), out var row))
            {
                problems.Add($"{call.PartitionKey}/{call.RowKey}: no row");
                continue;
            }

            var columns = new Columns(problems, $"{call.PartitionKey}/{call.RowKey} ({call.Scenario})", row);
            columns.Text("CallId", call.CallId);
            columns.Text("Direction", call.Direction);
            columns.Text("Status", call.Status);
            columns.Text("ExternalNumber", call.ExternalNumber);
            columns.Text("ExternalCallerId", call.ExternalCallerId);
            columns.Text("TrunkDetail", call.TrunkDetail);
            columns.Text("Queue", call.Queue);
            columns.Text("Extension", call.Extension);
            columns.Text("ExtensionsConnected", call.ExtensionsConnected);
            columns.Text("ExtensionsRung", call.ExtensionsRung);
            columns.Number("RingCount", call.RingCount);
            columns.Number("EventCount", call.EventCount);
            columns.Time("FirstEventAt", call.FirstEventAt);
            columns.Time("FirstRingAt", call.FirstRingAt);
            columns.Time("ConnectedAt", call.ConnectedAt);
            columns.Time("EndedAt", call.EndedAt);
            columns.Time("LastEventAt", call.LastEventAt);
            columns.Number("WaitSeconds", call.WaitSeconds);
            columns.Number("TalkSeconds", call.TalkSeconds);
        }

        Assert.Empty(problems);
        Assert.Equal(plan.Calls.Count, rows.Count);
    }

    private static async Task AssertEventRowsAsync(DevHostUnderTest host, TrafficPlan plan)
    {
        var payloads = host.Storage.Blobs.GetBlobContainerClient(host.Names.PayloadContainer);
        var rowsByBody = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var row in await host.RowsAsync(host.Names.EventsTable))
        {
            var body = row.GetString("RawJson")
                ?? (await payloads.GetBlobClient(row.GetString("RawBlob")).DownloadContentAsync()).Value.Content.ToString();
            Assert.True(rowsByBody.TryAdd(body, row), $"Two rows hold the same body: {row.PartitionKey}/{row.RowKey}");
        }

        var problems = new List<string>();
        foreach (var planned in plan.Events)
        {
            if (!rowsByBody.TryGetValue(planned.Body, out var row))
            {
                problems.Add($"event {planned.Index} ({planned.EventType} of CallID {planned.CallId}): no row holds its body");
                continue;
            }

            var columns = new Columns(problems, $"event {planned.Index} ({row.PartitionKey}/{row.RowKey})", row);
            columns.Text("PartitionKey", planned.PartitionKey);
            columns.Text("EventType", planned.EventType);
            columns.Text("CallId", planned.CallId);
            columns.Time("OccurredAt", planned.OccurredAt);
            columns.Number("CopiesReceived", planned.Copies);
        }

        Assert.Empty(problems);
        Assert.Equal(plan.DistinctEventCount, rowsByBody.Count);
    }

    private static async Task AssertTranscriptionRowsAsync(DevHostUnderTest host, TrafficPlan plan)
    {
        var payloads = host.Storage.Blobs.GetBlobContainerClient(host.Names.PayloadContainer);
        var rows = (await host.RowsAsync(host.Names.TranscriptionsTable)).ToDictionary(row => row.PartitionKey);
        var problems = new List<string>();
        foreach (var expected in plan.Transcriptions)
        {
            if (!rows.TryGetValue(expected.PartitionKey, out var row))
            {
                problems.Add($"transcription of CallID {expected.CallId}: no row");
                continue;
            }

            var columns = new Columns(problems, $"transcription of CallID {expected.CallId}", row);
            columns.Text("RowKey", TranscriptionWriter.TranscriptionRowKey);
            columns.Text("CallId", expected.CallId);
            columns.Time("TranscribedAt", expected.TranscribedAt);
            columns.Number("TextLength", expected.TextLength);
            var text = TranscriptText.Join(row)
                ?? (await payloads.GetBlobClient(row.GetString("TextBlob")).DownloadContentAsync()).Value.Content.ToString();
            if (!string.Equals(expected.Text, text, StringComparison.Ordinal))
            {
                problems.Add($"transcription of CallID {expected.CallId}: the text differs ({text.Length} characters stored, {expected.TextLength} sent)");
            }
        }

        Assert.Empty(problems);
        Assert.Equal(plan.Transcriptions.Count, rows.Count);
    }

    private static async Task<List<string>> BlobNamesAsync(BlobContainerClient container)
    {
        var names = new List<string>();
        if (await container.ExistsAsync())
        {
            await foreach (var blob in container.GetBlobsAsync())
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    /// <summary>Compares a row's columns with expected values, noting every difference instead of stopping at the first.</summary>
    private sealed class Columns(List<string> problems, string where, TableEntity row)
    {
        /// <summary>Null or empty expected means the column is empty or absent.</summary>
        public void Text(string name, string? expected)
        {
            var actual = name switch
            {
                "PartitionKey" => row.PartitionKey,
                "RowKey" => row.RowKey,
                _ => row.GetString(name),
            };
            if (!string.Equals(NullIfEmpty(expected), NullIfEmpty(actual), StringComparison.Ordinal))
            {
                problems.Add($"{where}: {name} is '{actual}', expected '{expected}'");
            }
        }

        public void Number(string name, double? expected)
        {
            var actual = row.TryGetValue(name, out var value) && value is not null ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : (double?)null;
            if (actual != expected)
            {
                problems.Add($"{where}: {name} is {actual?.ToString(CultureInfo.InvariantCulture) ?? "absent"}, expected {expected?.ToString(CultureInfo.InvariantCulture) ?? "absent"}");
            }
        }

        public void Time(string name, DateTime? expected)
        {
            var actual = row.GetDateTimeOffset(name)?.UtcDateTime;
            if (actual != expected)
            {
                problems.Add($"{where}: {name} is {actual:O}, expected {expected:O}");
            }
        }

        private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>A body without a known length, so the client sends it chunked and the receiver must count.</summary>
    private sealed class NonSeekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
