using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStream.Functions;

internal static class TelemetryServiceCollectionExtensions
{
    private const string ApplicationInsightsProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// Application Insights for the worker. The SDK adds a rule that keeps only warnings; it is removed so the
    /// levels in host.json and app settings decide, as they do for the host's own logs.
    /// </summary>
    public static IServiceCollection AddOneStreamTelemetry(this IServiceCollection services)
    {
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        services.Configure<LoggerFilterOptions>(options =>
        {
            var warningsOnly = options.Rules.FirstOrDefault(rule => rule.ProviderName == ApplicationInsightsProvider);
            if (warningsOnly is not null)
            {
                options.Rules.Remove(warningsOnly);
            }
        });
        return services;
    }
}
