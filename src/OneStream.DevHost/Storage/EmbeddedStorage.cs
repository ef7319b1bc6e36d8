
namespace OneStream.DevHost.Storage;

/// <summary>
/// With <c>AzureWebJobsStorage=UseDevelopmentStorage=true</c> and nothing listening on 127.0.0.1:10000-10002, starts
/// Azurite there (in memory) before the triggers and the receiver start, and stops it after they stop. An
/// emulator already running on those ports, or any other storage setting, is used as it is.
/// </summary>
public sealed partial class EmbeddedStorage(IConfiguration configuration, ILogger<EmbeddedStorage> logger) : IHostedService, IAsyncDisposable
{
    private AzuriteProcess? _azurite;

    /// <summary>Where storage is, for the start-up banner: set once started.</summary>
    public string Location { get; private set; } = StorageLocation.Describe(configuration);

    /// <summary>The emulator this host started, if it started one.</summary>
    public AzuriteProcess? Emulator => _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!DevelopmentStorage.IsSelected(configuration))
        {
            return;
        }

        var ports = AzuritePorts.WellKnown;
        var listening = await DevelopmentStorage.ListeningAsync(ports.All, cancellationToken).ConfigureAwait(false);
        if (listening.Count == 3)
        {
            Location = $"the storage emulator already running at {AzuriteProcess.Loopback}:{ports.Blob}-{ports.Table}";
            return;
        }

        if (listening.Count > 0)
        {
            throw new InvalidOperationException(
                $"AzureWebJobsStorage is UseDevelopmentStorage=true, but only port(s) {string.Join(", ", listening)} of " +
                $"{ports.Blob}-{ports.Table} accept connections: stop what holds them, or start Azurite on all three.");
        }

        Log.StartingEmulator(logger, ports.Blob, ports.Table);
        _azurite = await AzuriteProcess.StartAsync(ports, cancellationToken).ConfigureAwait(false);
        Location = $"Azurite, started by the DevHost, in memory at {AzuriteProcess.Loopback}:{ports.Blob}-{ports.Table} (Storage Explorer: \"Emulator - Default Ports\")";
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _azurite, null) is { } azurite)
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            Log.StoppedEmulator(logger, azurite.ProcessId);
        }
    }

    /// <summary>Also when the host failed to start and never stopped: the emulator never outlives the DevHost.</summary>
    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _azurite, null)?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Nothing listens on ports {FirstPort}-{LastPort}: starting Azurite from node_modules")]
        public static partial void StartingEmulator(ILogger logger, int firstPort, int lastPort);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Stopped Azurite (process {ProcessId}); its in-memory data is gone")]
        public static partial void StoppedEmulator(ILogger logger, int processId);
    }
}
