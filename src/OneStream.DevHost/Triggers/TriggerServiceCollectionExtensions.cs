namespace OneStream.DevHost.Triggers;

public static class TriggerServiceCollectionExtensions
{
    /// <summary>The timer triggers, as hosted services (the queue triggers are indexed by the WebJobs SDK).</summary>
    public static IServiceCollection AddOneStreamTimers(this IServiceCollection services) =>
        services.AddHostedService<MissedCallSweepTimer>();
}
