using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Webhooks;
using OneStream.Testing;

namespace OneStream.Benchmarks;

/// <summary>
/// Latency of a whole receive, storage included, against a local Azurite: what 1stream waits for, less the
/// network between it and Azure. Prints percentiles; asserts nothing.
/// </summary>
internal static class ReceiverAgainstAzurite
{
    public static async Task RunAsync(int posts, int concurrency)
    {
        await using var azurite = await Azurite.StartAsync();
        var connection = StorageConnection.FromConnectionString(azurite.ConnectionString);
        var names = new StorageNames();
        var publisher = new EnvelopePublisher(
            connection.CreateQueueServiceClient(),
            new PayloadStore(connection.CreateBlobServiceClient().GetBlobContainerClient(names.PayloadContainer)),
            Options.Create(names));
        var receiver = new WebhookReceiver(publisher, Options.Create(new ReceiverOptions()), TimeProvider.System, NullLogger<WebhookReceiver>.Instance);
        var body = Encoding.UTF8.GetBytes(SeedPayloads.InboundConnected);

        // Warm up: queue creation and the first connections are not what steady state costs.
        for (var i = 0; i < 50; i++)
        {
            await receiver.ReceiveAsync(new MemoryStream(body), body.Length, CancellationToken.None);
        }

        var latencies = new double[posts];
        var next = -1;
        var total = Stopwatch.StartNew();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < posts)
            {
                var started = Stopwatch.GetTimestamp();
                var response = await receiver.ReceiveAsync(new MemoryStream(body), body.Length, CancellationToken.None);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != 200)
                {
                    throw new InvalidOperationException($"Receive answered {response.StatusCode}.");
                }
            }
        }));
        total.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"receiver against Azurite: {posts} POSTs, concurrency {concurrency}, {posts / total.Elapsed.TotalSeconds:F0} POSTs/s, " +
            $"latency ms p50 {Percentile(0.50):F2} p95 {Percentile(0.95):F2} p99 {Percentile(0.99):F2} max {latencies[^1]:F2}, " +
            $"allocated {allocated / posts / 1024.0:F1} KiB per POST (SDK included)"));
    }
}
