using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Timers;
using OneStream.DevHost.Hosting;
using OneStream.DevHost.Storage;
using OneStream.DevHost.Triggers;
using OneStream.DevHost.Webhooks;
using OneStream.Ingest;
using OneStream.Ingest.Storage;

namespace OneStream.DevHost;

/// <summary>
/// The whole app in one process without the Functions host: the receiver on Kestrel, the queue triggers on the
/// WebJobs SDK with host.json's queue settings, the missed-call sweep on its schedule, and Azurite when storage
/// is the local emulator. The logic is <see cref="OneStreamServiceCollectionExtensions.AddOneStream"/>'s, the
/// same the Functions app registers.
/// </summary>
public static class DevHostApp
{
    /// <param name="args">Command-line arguments, also read as configuration (<c>--AzureWebJobsStorage=…</c>).</param>
    /// <param name="configure">
    /// Runs once the configuration sources are in place and before anything is registered: tests add settings that
    /// override every other source (storage, names, <c>Urls</c>), logging providers or a clock here.
    /// </param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json sits next to the binaries; the working directory is wherever 'dotnet run' was typed.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddHostJson(HostJsonConfiguration.DefaultPath);
        configure?.Invoke(builder);

        if (DevelopmentStorage.IsUnset(builder.Configuration))
        {
            // Not in appsettings.json: a value there would shadow identity-based settings (AzureWebJobsStorage__accountName).
            builder.Configuration.AddInMemoryCollection([new(StorageConnection.DefaultName, DevelopmentStorage.ConnectionString)]);
        }

        // Hosted services start in this order and stop in reverse: storage first and last, Kestrel after all of them
        // (so it stops first), the drain before the WebJobs host stops.
        builder.Services.AddSingleton<EmbeddedStorage>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<EmbeddedStorage>());
        builder.Services.AddOneStream(builder.Configuration);
        builder.Services.AddSingleton<ITypeLocator, TriggerTypes>();
        builder.Services.AddSingleton<INameResolver, SettingsNameResolver>();
        builder.Services.AddSingleton<StoppingExceptionHandler>();
        builder.Services.AddSingleton<IWebJobsExceptionHandler>(provider => provider.GetRequiredService<StoppingExceptionHandler>());
        builder.Host.ConfigureWebJobs(webJobs => webJobs.AddAzureStorageCoreServices().AddAzureStorageQueues());
        builder.Services.AddHostedService<QueueDrain>();
        builder.Services.AddOneStreamTimers();
        builder.Services.AddHostedService<StartupBanner>();

        var app = builder.Build();
        app.MapOneStreamWebhook();
        return app;
    }
}
