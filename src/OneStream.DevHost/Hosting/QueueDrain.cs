using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Executors;

namespace OneStream.DevHost.Hosting;

/// <summary>
/// On Ctrl+C, before the WebJobs host stops: drain mode, as the Functions host uses when an instance is taken out
/// of service. The queue listeners fetch nothing more and the messages in hand finish with their cancellation token
/// unsignalled, instead of failing half-written and coming back after visibilityTimeout. Bounded by the host's
/// shutdown timeout.
/// </summary>
public sealed partial class QueueDrain(
    IDrainModeManager drainMode, IFunctionActivityStatusProvider activity, ILogger<QueueDrain> logger) : IHostedService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await drainMode.EnableDrainModeAsync(cancellationToken).ConfigureAwait(false);
        var inFlight = activity.GetStatus().OutstandingInvocations;
        if (inFlight > 0)
        {
            Log.Draining(logger, inFlight);
        }

        try
        {
            while (activity.GetStatus().OutstandingInvocations > 0)
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            Log.GaveUp(logger, activity.GetStatus().OutstandingInvocations);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Finishing {Count} queue messages in progress before stopping")]
        public static partial void Draining(ILogger logger, int count);

        [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "Stopped with {Count} queue messages still in progress; the queue hands them out again after visibilityTimeout")]
        public static partial void GaveUp(ILogger logger, int count);
    }
}
