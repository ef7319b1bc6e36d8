using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Webhooks;
using OneStream.Testing;

namespace OneStream.Benchmarks;

/// <summary>The receiver's own cost per POST (inspection, hashing, envelope), with storage taken out.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ReceiverBenchmarks
{
    private WebhookReceiver _receiver = null!;
    private byte[] _callEvent = null!;
    private byte[] _transcription = null!;

    [GlobalSetup]
    public void Setup()
    {
        var publisher = new EnvelopePublisher(new DiscardingQueueService(), new PayloadStore(new DiscardingContainer()), Options.Create(new StorageNames()));
        _receiver = new WebhookReceiver(publisher, Options.Create(new ReceiverOptions()), TimeProvider.System, NullLogger<WebhookReceiver>.Instance);
        _callEvent = Encoding.UTF8.GetBytes(SeedPayloads.InboundConnected);
        var text = string.Concat(Enumerable.Repeat("Thanks for calling, how can I help you today? ", 6_500));
        _transcription = Encoding.UTF8.GetBytes(SeedPayloads.TranscriptionReady.Replace(" Doing full testing.", text, StringComparison.Ordinal));
    }

    [Benchmark(Description = "CallConnected (seed, ~500 B)")]
    public Task<WebhookResponse> CallEvent() => _receiver.ReceiveAsync(new MemoryStream(_callEvent), _callEvent.Length, CancellationToken.None);

    [Benchmark(Description = "TranscriptionReady (~300 KB, claim check)")]
    public Task<WebhookResponse> LongTranscription() => _receiver.ReceiveAsync(new MemoryStream(_transcription), _transcription.Length, CancellationToken.None);

    [Benchmark(Description = "Inspect only (seed CallConnected)")]
    public BodyVerdict InspectOnly() => WebhookBodyInspector.Inspect(_callEvent).Verdict;
}
