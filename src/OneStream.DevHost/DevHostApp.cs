using Microsoft.Azure.WebJobs;
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
    /// <param name="settings">Configuration that overrides every other source (tests: storage, names, <c>Urls</c>).</param>
    /// <param name="hostJsonPath">The Functions app's host.json; by default the copy next to the binaries.</param>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null, string? hostJsonPath = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json sits next to the binaries; the working directory is wherever 'dotnet run' was typed.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddHostJson(hostJsonPath ?? HostJsonConfiguration.DefaultPath);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (DevelopmentStorage.IsUnset(builder.Configuration))
        {
            // Not in appsettings.json: a value there would shadow identity-based settings (AzureWebJobsStorage__accountName).
            builder.Configuration.AddInMemoryCollection([new(StorageConnection.DefaultName, DevelopmentStorage.ConnectionString)]);
        }

        // Hosted services start in this order and stop in reverse: storage first and last, Kestrel after all of them.
        builder.Services.AddSingleton<EmbeddedStorage>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<EmbeddedStorage>());
        builder.Services.AddOneStream(builder.Configuration);
        builder.Host.ConfigureWebJobs(webJobs => webJobs.AddAzureStorageCoreServices().AddAzureStorageQueues());
        builder.Services.AddSingleton<ITypeLocator, TriggerTypes>();
        builder.Services.AddOneStreamTimers();
        builder.Services.AddHostedService<StartupBanner>();

        var app = builder.Build();
        app.MapOneStreamWebhook();
        return app;
    }
}
