using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace OneStream.Ingest.Storage;

/// <summary>
/// The processor's tables, each created if missing the first time this process uses it (so a fresh Azurite or
/// a fresh account works without set-up; the Bicep template creates them too).
/// </summary>
public sealed class OneStreamTables(TableServiceClient service, IOptions<StorageNames> names)
{
    private readonly Table _events = new(service, names.Value.EventsTable);
    private readonly Table _calls = new(service, names.Value.CallsTable);
    private readonly Table _transcriptions = new(service, names.Value.TranscriptionsTable);
    private readonly Table _callIndex = new(service, names.Value.CallIndexTable);
    private readonly Table _receipts = new(service, names.Value.ReceiptsTable);

    /// <summary>OneStreamEvents: every distinct event as sent.</summary>
    public Task<TableClient> EventsAsync(CancellationToken cancellationToken) => _events.GetAsync(cancellationToken);

    /// <summary>OneStreamCalls: one row per call.</summary>
    public Task<TableClient> CallsAsync(CancellationToken cancellationToken) => _calls.GetAsync(cancellationToken);

    /// <summary>OneStreamTranscriptions: one row per permanent CallID.</summary>
    public Task<TableClient> TranscriptionsAsync(CancellationToken cancellationToken) => _transcriptions.GetAsync(cancellationToken);

    /// <summary>Internal: call events by in-flight CallID and time, from which call rows are rebuilt.</summary>
    public Task<TableClient> CallIndexAsync(CancellationToken cancellationToken) => _callIndex.GetAsync(cancellationToken);

    /// <summary>Internal: one row per POST that carried an event.</summary>
    public Task<TableClient> ReceiptsAsync(CancellationToken cancellationToken) => _receipts.GetAsync(cancellationToken);

    private sealed class Table(TableServiceClient service, string name)
    {
        private readonly TableClient _client = service.GetTableClient(name);
        private readonly OnceGate _created = new();

        public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
        {
            await _created.RunOnceAsync(ct => _client.CreateIfNotExistsAsync(ct), cancellationToken).ConfigureAwait(false);
            return _client;
        }
    }
}
