using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStream.Ingest.Calls;
using OneStream.Ingest.Processing;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Webhooks;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>
/// One processor "process": the container the app builds (through <c>AddOneStream</c>), pointed at Azurite and
/// at the given storage names, with a fake clock and, optionally, a decorated table client (to crash on cue).
/// </summary>
internal sealed class ProcessorHost : IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultNow = new(2025, 2, 14, 0, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly AzuriteFixture _azurite;

    public ProcessorHost(
        AzuriteFixture azurite,
        StorageNames? names = null,
        FakeTimeProvider? clock = null,
        Func<TableServiceClient, TableServiceClient>? decorateTables = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        _azurite = azurite;
        Names = names ?? AzuriteFixture.UniqueNames();
        Clock = clock ?? new FakeTimeProvider(DefaultNow);
        var values = new Dictionary<string, string?>
        {
            [StorageConnection.DefaultName] = azurite.ConnectionString,
        };
        foreach (var property in typeof(StorageNames).GetProperties())
        {
            values[$"{StorageNames.SectionName}:{property.Name}"] = (string)property.GetValue(Names)!;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddOneStream(configuration)
            .AddSingleton<TimeProvider>(Clock);
        if (decorateTables is not null)
        {
            var plain = azurite.Connection.CreateTableServiceClient();
            services.AddSingleton(decorateTables(plain));
        }

        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public StorageNames Names { get; }

    public FakeTimeProvider Clock { get; }

    public WebhookProcessor Processor => _services.GetRequiredService<WebhookProcessor>();

    public MissedCallSweeper Sweeper => _services.GetRequiredService<MissedCallSweeper>();

    public PayloadStore Payloads => _services.GetRequiredService<PayloadStore>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public IServiceProvider Services => _services;

    /// <summary>Processes one POST of <paramref name="body"/> as a fresh queue message.</summary>
    public Task<ProcessedEvent> ProcessAsync(string body, string? envelopeId = null, DateTimeOffset? receivedAt = null, long dequeueCount = 1) =>
        ProcessAsync(Message(body, envelopeId ?? Guid.NewGuid().ToString("N"), receivedAt ?? Clock.GetUtcNow()), dequeueCount);

    public Task<ProcessedEvent> ProcessAsync(QueuedMessage message, long dequeueCount = 1) =>
        Processor.ProcessAsync(message.Bytes, message.EnvelopeId, dequeueCount, CancellationToken.None);

    /// <summary>The queue message the receiver would enqueue for one POST of <paramref name="body"/>.</summary>
    public static QueuedMessage Message(string body, string envelopeId, DateTimeOffset receivedAt)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var envelope = new WebhookEnvelope
        {
            Id = envelopeId,
            ReceivedAt = receivedAt,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            EventType = "CallRinging",
            BodyLength = bytes.Length,
            Body = bytes,
        };
        return new QueuedMessage(envelopeId, WebhookEnvelopeSerializer.Serialize(envelope));
    }

    /// <summary>A plain client (never the decorated one), for looking at what was written.</summary>
    public TableClient Table(string name) => _azurite.Tables.GetTableClient(name);

    public Task<List<string>> SnapshotAsync(string tableName) => TableSnapshot.ReadAsync(Table(tableName));

    /// <summary>The three tables people read, row by row and column by column.</summary>
    public async Task<List<string>> PublicTablesAsync() =>
        [
            .. await SnapshotAsync(Names.EventsTable),
            .. await SnapshotAsync(Names.CallsTable),
            .. await SnapshotAsync(Names.TranscriptionsTable),
        ];

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>A queue message as enqueued: the envelope id (one per POST) and the bytes.</summary>
internal sealed record QueuedMessage(string EnvelopeId, byte[] Bytes);
