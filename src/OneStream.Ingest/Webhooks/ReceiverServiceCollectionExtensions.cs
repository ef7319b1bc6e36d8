using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneStream.Ingest.Webhooks;

public static class ReceiverServiceCollectionExtensions
{
    public static IServiceCollection AddOneStreamReceiver(this IServiceCollection services)
    {
        services.AddOptions<ReceiverOptions>().BindConfiguration(ReceiverOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<EnvelopePublisher>();
        services.TryAddSingleton<WebhookReceiver>();
        return services;
    }
}
