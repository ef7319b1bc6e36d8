using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStream.Ingest.Processing;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Webhooks;

namespace OneStream.Ingest;

public static class OneStreamServiceCollectionExtensions
{
    /// <summary>Everything the app needs, for any host: the Functions worker, the local host and tests.</summary>
    public static IServiceCollection AddOneStream(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOneStreamStorage(configuration);
        services.AddOneStreamReceiver();
        services.AddOneStreamProcessing(configuration);
        return services;
    }
}
