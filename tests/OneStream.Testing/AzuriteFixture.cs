using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using OneStream.Ingest.Storage;
using Xunit;

namespace OneStream.Testing;

/// <summary>
/// One emulator per test class (or collection). Tests isolate themselves with <see cref="UniqueNames"/>, never by
/// clearing shared state.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite has not started.")).ConnectionString;

    public StorageConnection Connection => StorageConnection.FromConnectionString(ConnectionString);

    public QueueServiceClient Queues => Connection.CreateQueueServiceClient();

    public BlobServiceClient Blobs => Connection.CreateBlobServiceClient();

    public TableServiceClient Tables => Connection.CreateTableServiceClient();

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>Storage names no other test uses, valid for queues, containers and tables alike.</summary>
    public static StorageNames UniqueNames()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        return new StorageNames
        {
            CallEventsQueue = $"calls-{suffix}",
            TranscriptionsQueue = $"transcripts-{suffix}",
            PayloadContainer = $"payloads-{suffix}",
            EventsTable = $"Events{suffix}",
            CallsTable = $"Calls{suffix}",
            TranscriptionsTable = $"Transcripts{suffix}",
            CallIndexTable = $"CallIndex{suffix}",
            ReceiptsTable = $"Receipts{suffix}",
        };
    }
}
