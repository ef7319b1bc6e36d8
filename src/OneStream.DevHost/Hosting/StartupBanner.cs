using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OneStream.DevHost.Storage;
using OneStream.DevHost.Webhooks;

namespace OneStream.DevHost.Hosting;

/// <summary>Once everything listens: the receiver URL, where storage is (never a key) and how to stop.</summary>
public sealed partial class StartupBanner(
    IServer server, EmbeddedStorage storage, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory) : IHostedService
{
    public const string LoggerCategory = "OneStream.DevHost";

    private readonly ILogger _logger = loggerFactory.CreateLogger(LoggerCategory);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in ReceiverUrls(server))
            {
                Log.ReceiverUrl(_logger, address);
            }

            Log.Storage(_logger, storage.Location);
            Log.HowToStop(_logger);
        });
        lifetime.ApplicationStopping.Register(() => Log.Stopping(_logger));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The receiver's full URL on each address Kestrel listens on (the real port when 0 was asked for).</summary>
    public static IEnumerable<string> ReceiverUrls(IServer server) =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(address => address.TrimEnd('/') + WebhookEndpoint.Path);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Receiver URL: {Url} (GET checks it, POST sends 1stream events; no key locally)")]
        public static partial void ReceiverUrl(ILogger logger, string url);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Storage: {Location}")]
        public static partial void Storage(ILogger logger, string location);

        [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Press Ctrl+C to stop.")]
        public static partial void HowToStop(ILogger logger);

        [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Stopping: the receiver takes no more requests and the triggers finish the messages in hand")]
        public static partial void Stopping(ILogger logger);
    }
}
