using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OneStream.Ingest.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Storage names and one client of each kind for the process, from the <c>AzureWebJobsStorage</c> setting.
    /// Clients are thread-safe and keep their connections, so they are singletons.
    /// </summary>
    public static IServiceCollection AddOneStreamStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageNames>().BindConfiguration(StorageNames.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddAzureClientsCore();
        services.TryAddSingleton(provider => StorageConnection.FromConfiguration(configuration, provider.GetRequiredService<AzureComponentFactory>()));
        services.TryAddSingleton(provider => provider.GetRequiredService<StorageConnection>().CreateQueueServiceClient());
        services.TryAddSingleton(provider => provider.GetRequiredService<StorageConnection>().CreateBlobServiceClient());
        services.TryAddSingleton(provider => provider.GetRequiredService<StorageConnection>().CreateTableServiceClient());
        services.TryAddSingleton(provider => new PayloadStore(
            provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(provider.GetRequiredService<IOptions<StorageNames>>().Value.PayloadContainer)));
        return services;
    }
}
