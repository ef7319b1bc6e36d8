using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OneStream.DevHost;
using OneStream.DevHost.Hosting;
using OneStream.Ingest.Storage;
using OneStream.Testing;

namespace OneStream.EndToEnd.Tests;

/// <summary>
/// The DevHost as <c>dotnet run</c> starts it, in-process: Kestrel on a free loopback port, the WebJobs queue
/// triggers and the sweep, on the fixture's Azurite with storage names no other test uses. Queues are polled
/// fast (configuration overrides host.json, as an app setting would in Azure) so a test waits for work, not for
/// the poll. Logs go to a collector instead of the console.
/// </summary>
internal sealed class DevHostUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private DevHostUnderTest(WebApplication app, AzuriteFixture storage, StorageNames names, LogCollector logs)
    {
        _app = app;
        Storage = storage;
        Names = names;
        Logs = logs;
        ReceiverUrl = new Uri(_app.Urls.Single().TrimEnd('/') + OneStream.DevHost.Webhooks.WebhookEndpoint.Path);
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    }

    public AzuriteFixture Storage { get; }

    public StorageNames Names { get; }

    public Uri ReceiverUrl { get; }

    public HttpClient Http { get; }

    public LogCollector Logs { get; }

    public IServiceProvider Services => _app.Services;

    public QueueClient CallEventsQueue => Storage.Queues.GetQueueClient(Names.CallEventsQueue);

    public QueueClient TranscriptionsQueue => Storage.Queues.GetQueueClient(Names.TranscriptionsQueue);

    public TableClient Table(string name) => Storage.Tables.GetTableClient(name);

    /// <summary>The configuration key that overrides host.json's <c>extensions.queues.{name}</c>.</summary>
    public static string QueueSetting(string name) => ConfigurationPath.Combine(HostJsonConfiguration.RootSection, "extensions", "queues", name);

    public static async Task<DevHostUnderTest> StartAsync(AzuriteFixture storage, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var names = AzuriteFixture.UniqueNames();
        var values = new Dictionary<string, string?>
        {
            [StorageConnection.DefaultName] = storage.ConnectionString,
            ["Urls"] = "http://127.0.0.1:0",
            [QueueSetting("maxPollingInterval")] = "00:00:00.200",
            [QueueSetting("visibilityTimeout")] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (name, value) in Settings(names))
        {
            values[name] = value;
        }

        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        var logs = new LogCollector();
        var app = DevHostApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            builder.Logging.ClearProviders().AddProvider(logs);
        });
        await app.StartAsync();
        return new DevHostUnderTest(app, storage, names, logs);
    }

    /// <summary>How many messages a queue holds, invisible ones (being processed) included; 0 if it does not exist.</summary>
    public static async Task<int> LengthAsync(QueueClient queue)
    {
        try
        {
            return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    /// <summary>Every row of a table; none if it does not exist yet.</summary>
    public async Task<List<TableEntity>> RowsAsync(string tableName)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in Table(tableName).QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }

        return rows;
    }

    /// <summary>The log so far, for a failing test's output.</summary>
    public string LogText() => Logs.ToString();

    /// <summary>Stops it as Ctrl+C does; <see cref="DisposeAsync"/> then only cleans up.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
    }

    private static IEnumerable<KeyValuePair<string, string?>> Settings(StorageNames names)
    {
        string Key(string property) => ConfigurationPath.Combine(StorageNames.SectionName, property);
        yield return new(Key(nameof(StorageNames.CallEventsQueue)), names.CallEventsQueue);
        yield return new(Key(nameof(StorageNames.TranscriptionsQueue)), names.TranscriptionsQueue);
        yield return new(Key(nameof(StorageNames.PayloadContainer)), names.PayloadContainer);
        yield return new(Key(nameof(StorageNames.EventsTable)), names.EventsTable);
        yield return new(Key(nameof(StorageNames.CallsTable)), names.CallsTable);
        yield return new(Key(nameof(StorageNames.TranscriptionsTable)), names.TranscriptionsTable);
        yield return new(Key(nameof(StorageNames.CallIndexTable)), names.CallIndexTable);
        yield return new(Key(nameof(StorageNames.ReceiptsTable)), names.ReceiptsTable);
    }
}
