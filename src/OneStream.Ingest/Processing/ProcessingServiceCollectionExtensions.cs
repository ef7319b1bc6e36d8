using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStream.Ingest.Calls;
using OneStream.Ingest.Events;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Transcriptions;

namespace OneStream.Ingest.Processing;

public static class ProcessingServiceCollectionExtensions
{
    /// <summary>
    /// The processor: <see cref="WebhookProcessor"/> for both queues and <see cref="MissedCallSweeper"/> for the
    /// timer, with <see cref="CallOptions"/>. Needs the storage registrations of <c>AddOneStreamStorage</c> and a
    /// <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddOneStreamProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CallOptions>().BindConfiguration(CallOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OneStreamTables>();
        services.TryAddSingleton<PhoneNumberFormatter>();
        services.TryAddSingleton<CallBuilder>();
        services.TryAddSingleton<CallRebuilder>();
        services.TryAddSingleton<EventRecorder>();
        services.TryAddSingleton<TranscriptionWriter>();
        services.TryAddSingleton<WebhookProcessor>();
        services.TryAddSingleton<MissedCallSweeper>();
        return services;
    }
}
