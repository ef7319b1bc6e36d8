using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Timers;

namespace OneStream.DevHost.Hosting;

/// <summary>
/// What the WebJobs SDK calls when its own machinery fails outside a function (a listener that cannot release a
/// message, a function past its timeout). Its default rethrows on a new thread and so ends the process without a
/// word; the Functions host instead logs and restarts its host. Here: log it and stop the DevHost cleanly, so
/// Azurite is stopped too and an in-process test host survives. During shutdown (storage going away before the
/// listeners) it is only noted.
/// </summary>
public sealed partial class StoppingExceptionHandler(IHostApplicationLifetime lifetime, ILogger<StoppingExceptionHandler> logger) : IWebJobsExceptionHandler
{
    /// <summary>True once it stopped the host for a failure: the process should exit with an error code.</summary>
    public bool Failed { get; private set; }

    public void Initialize(JobHost host)
    {
    }

    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) => OnUnhandledExceptionAsync(exceptionInfo);

    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
    {
        ArgumentNullException.ThrowIfNull(exceptionInfo);
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            Log.FailedWhileStopping(logger, exceptionInfo.SourceException.GetType().Name, exceptionInfo.SourceException.Message);
            return Task.CompletedTask;
        }

        Log.Stopping(logger, exceptionInfo.SourceException);
        Failed = true;
        lifetime.StopApplication();
        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4301, Level = LogLevel.Critical, Message = "The WebJobs host failed outside a function; stopping the DevHost")]
        public static partial void Stopping(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "While stopping, the WebJobs host failed ({ExceptionType}: {ExceptionMessage})")]
        public static partial void FailedWhileStopping(ILogger logger, string exceptionType, string exceptionMessage);
    }
}
