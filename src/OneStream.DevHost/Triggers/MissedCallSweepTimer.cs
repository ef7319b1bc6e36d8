using Microsoft.Extensions.Options;
using NCrontab;
using OneStream.Ingest.Calls;

namespace OneStream.DevHost.Triggers;

/// <summary>
/// The Functions app's <c>SweepMissedCalls</c> timer: the same NCRONTAB setting (six fields, seconds first, UTC),
/// the same service. A hosted service rather than WebJobs timers: Microsoft.Azure.WebJobs.Extensions 3.0.6, the
/// newest served, was built against Host.Storage 3 and fails to load with Host.Storage 5, which the queue extension
/// needs (TypeLoadException for DistributedLockManagerContainerProvider).
/// </summary>
public sealed partial class MissedCallSweepTimer(
    MissedCallSweeper sweeper, IOptions<CallOptions> options, TimeProvider clock, ILogger<MissedCallSweepTimer> logger) : BackgroundService
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private readonly CrontabSchedule _schedule = Parse(options.Value.MissedSweepSchedule);

    /// <exception cref="FormatException">Not a six-field NCRONTAB expression.</exception>
    public static CrontabSchedule Parse(string schedule) =>
        CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
        ?? throw new FormatException($"OneStream:Calls:MissedSweepSchedule '{schedule}' is not a six-field NCRONTAB expression (e.g. '0 * * * * *').");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = _schedule.GetNextOccurrence(clock.GetUtcNow().UtcDateTime);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = due - clock.GetUtcNow().UtcDateTime;
            if (wait > TimeSpan.Zero)
            {
                // In steps of at most a day: Task.Delay takes no more than about 49 days, a yearly schedule waits longer.
                await Task.Delay(wait < MaxWait ? wait : MaxWait, clock, stoppingToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await sweeper.SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // As a failed timer function: logged, and the next occurrence runs as planned.
                Log.SweepFailed(logger, ex, due);
            }

            due = _schedule.GetNextOccurrence(clock.GetUtcNow().UtcDateTime);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "The missed-call sweep due at {DueAt:u} failed; the next one runs on schedule")]
        public static partial void SweepFailed(ILogger logger, Exception exception, DateTime dueAt);
    }
}
