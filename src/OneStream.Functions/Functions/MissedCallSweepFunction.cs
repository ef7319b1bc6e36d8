using Microsoft.Azure.Functions.Worker;
using OneStream.Ingest.Calls;

namespace OneStream.Functions.Functions;

/// <summary>Marks ringing calls that went silent as Missed (CallEnd never fires for them).</summary>
public sealed class MissedCallSweepFunction(MissedCallSweeper sweeper)
{
    [Function("SweepMissedCalls")]
    public Task RunAsync(
        [TimerTrigger("%OneStream:Calls:MissedSweepSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
