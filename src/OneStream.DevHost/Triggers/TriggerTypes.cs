using Microsoft.Azure.WebJobs;

namespace OneStream.DevHost.Triggers;

/// <summary>The classes the WebJobs SDK indexes for triggers: these, not every loaded assembly (tests load many).</summary>
public sealed class TriggerTypes : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => [typeof(CallEventsTrigger), typeof(TranscriptionsTrigger)];
}
