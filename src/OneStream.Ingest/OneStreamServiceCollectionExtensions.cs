using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStream.Ingest.Processing;
using OneStream.Ingest.Storage;

namespace OneStream.Ingest;

public static class OneStreamServiceCollectionExtensions
{
    /// <summary>Everything the app needs, for any host: the Functions worker, the local host and tests.</summary>
    public static IServiceCollection AddOneStream(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOneStreamStorage(configuration);
        services.AddOneStreamProcessing(configuration);
        return services;
    }
}
