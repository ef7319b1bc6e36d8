using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStream.Ingest;
using OneStream.Ingest.Processing;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Webhooks;
using OneStream.Simulator.Traffic;
using OneStream.Testing;

namespace OneStream.Benchmarks;

/// <summary>
/// Posts per second through the processor against a local Azurite, with the simulator's realistic traffic (retries
/// included), and a check of every call and transcription row against the simulator's expectations. Prints
/// figures; asserts nothing.
/// </summary>
internal static class ProcessorAgainstAzurite
{
    /// <returns>True when every expected row is there and equal.</returns>
    public static async Task<bool> RunAsync(int calls, int parallel, int processors)
    {
        await using var azurite = await Azurite.StartAsync();
        var names = AzuriteFixture.UniqueNames();
        var plan = new TrafficGenerator(new TrafficOptions { Calls = calls, Seed = 7, DuplicateRate = 0.05 }).Generate();
        var receivedAt = DateTimeOffset.UtcNow;
        var messages = plan.Posts
            .Select(post => Envelope(post.Body, receivedAt.AddMilliseconds(post.Sequence)))
            .ToList();
        var hosts = Enumerable.Range(0, processors).Select(_ => Container(azurite.ConnectionString, names)).ToArray();

        // Warm up the clients and create the tables outside the measurement.
        await hosts[0].GetRequiredService<OneStreamTables>().EventsAsync(CancellationToken.None);

        Console.WriteLine($"{plan.PostCount} posts ({plan.DistinctEventCount} distinct events, {plan.Calls.Count} calls), {processors} processors, {parallel} at a time");
        var started = Stopwatch.GetTimestamp();
        var next = 0;
        await Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (message, ct) =>
            {
                var host = hosts[Interlocked.Increment(ref next) % processors];
                await host.GetRequiredService<WebhookProcessor>().ProcessAsync(message.Bytes, message.Id, 1, ct);
            });
        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"processed in {elapsed.TotalSeconds:F1} s: {plan.PostCount / elapsed.TotalSeconds:F0} posts/s"));

        // Every expected row, column by column (the simulator's reading of issue 3).
        var table = StorageConnection.FromConnectionString(azurite.ConnectionString).CreateTableServiceClient().GetTableClient(names.CallsTable);
        var mismatches = new List<string>();
        foreach (var expected in plan.Calls)
        {
            var row = (await table.GetEntityIfExistsAsync<TableEntity>(expected.PartitionKey, expected.RowKey)).Value;
            if (row is null)
            {
                mismatches.Add($"{expected.PartitionKey}|{expected.RowKey}: missing");
                continue;
            }

            void Check(string column, object? want, object? have)
            {
                if (!Equals(Normalize(want), Normalize(have)))
                {
                    mismatches.Add($"{expected.PartitionKey}|{expected.RowKey} {column}: expected {Normalize(want)}, got {Normalize(have)}");
                }
            }

            Check("Direction", expected.Direction, row.GetString("Direction"));
            Check("Status", expected.Status, row.GetString("Status"));
            Check("ExternalNumber", expected.ExternalNumber, row.GetString("ExternalNumber"));
            Check("ExternalCallerId", expected.ExternalCallerId, row.GetString("ExternalCallerId"));
            Check("TrunkDetail", expected.TrunkDetail, row.GetString("TrunkDetail"));
            Check("Queue", expected.Queue, row.GetString("Queue"));
            Check("Extension", expected.Extension, row.GetString("Extension"));
            Check("ExtensionsConnected", expected.ExtensionsConnected, row.GetString("ExtensionsConnected"));
            Check("ExtensionsRung", expected.ExtensionsRung, row.GetString("ExtensionsRung"));
            Check("RingCount", expected.RingCount, row.GetInt32("RingCount"));
            Check("FirstEventAt", expected.FirstEventAt, row.GetDateTimeOffset("FirstEventAt"));
            Check("FirstRingAt", expected.FirstRingAt, row.GetDateTimeOffset("FirstRingAt"));
            Check("ConnectedAt", expected.ConnectedAt, row.GetDateTimeOffset("ConnectedAt"));
            Check("EndedAt", expected.EndedAt, row.GetDateTimeOffset("EndedAt"));
            Check("LastEventAt", expected.LastEventAt, row.GetDateTimeOffset("LastEventAt"));
            Check("WaitSeconds", expected.WaitSeconds, row.GetDouble("WaitSeconds"));
            Check("TalkSeconds", expected.TalkSeconds, row.GetDouble("TalkSeconds"));
            Check("EventCount", expected.EventCount, row.GetInt32("EventCount"));
        }

        var transcriptions = StorageConnection.FromConnectionString(azurite.ConnectionString).CreateTableServiceClient().GetTableClient(names.TranscriptionsTable);
        foreach (var expected in plan.Transcriptions)
        {
            var row = (await transcriptions.GetEntityIfExistsAsync<TableEntity>(TableKey.Encode(expected.CallId), "transcription")).Value;
            if (row is null || OneStream.Ingest.Transcriptions.TranscriptText.Join(row) != expected.Text)
            {
                mismatches.Add($"transcription {expected.CallId}: {(row is null ? "missing" : "text differs")}");
            }
        }

        var actualCalls = await table.QueryAsync<TableEntity>(select: ["PartitionKey"]).CountAsync();
        Console.WriteLine($"call rows: {actualCalls} (expected {plan.Calls.Count}); transcriptions expected {plan.Transcriptions.Count}; mismatches: {mismatches.Count}");
        foreach (var mismatch in mismatches.Take(20))
        {
            Console.WriteLine("  " + mismatch);
        }

        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        return mismatches.Count == 0 && actualCalls == plan.Calls.Count;
    }

    private static object? Normalize(object? value) => value switch
    {
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        int number => (double)number,
        "" => null,
        _ => value,
    };

    private static (string Id, byte[] Bytes) Envelope(string body, DateTimeOffset receivedAt)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var id = Guid.CreateVersion7().ToString("N");
        return (id, WebhookEnvelopeSerializer.Serialize(new WebhookEnvelope
        {
            Id = id,
            ReceivedAt = receivedAt,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            EventType = "unknown",
            BodyLength = bytes.Length,
            Body = bytes,
        }));
    }

    private static ServiceProvider Container(string connectionString, StorageNames names)
    {
        var values = new Dictionary<string, string?> { [StorageConnection.DefaultName] = connectionString };
        foreach (var property in typeof(StorageNames).GetProperties())
        {
            values[$"{StorageNames.SectionName}:{property.Name}"] = (string)property.GetValue(names)!;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddOneStream(configuration)
            .BuildServiceProvider();
    }
}
