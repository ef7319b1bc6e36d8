using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Identity;
using OneStream.Simulator.Sending;
using OneStream.Simulator.Storage;
using OneStream.Simulator.Traffic;

namespace OneStream.Simulator.Cli;

/// <summary>
/// The simulator's command: plan, send (or print), summarise, count rows. The summary goes to
/// <paramref name="output"/>, progress and problems to <paramref name="log"/>. Neither ever shows the URL's
/// query string; phone numbers and transcripts appear only in --dry-run's bodies, which the user asked for.
/// </summary>
internal sealed class SimulatorCommand(TextWriter output, TextWriter log, TimeProvider timeProvider)
{
    private static readonly TimeSpan MissedAfter = TimeSpan.FromMinutes(5);

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        if (!SimulatorOptions.TryParse(args, out var options, out var error))
        {
            await log.WriteLineAsync($"error: {error} Run with --help for the options.");
            return ExitCodes.Usage;
        }

        if (options.Help)
        {
            await output.WriteLineAsync(SimulatorOptions.HelpText);
            return ExitCodes.Success;
        }

        var planning = Stopwatch.GetTimestamp();
        var plan = new TrafficGenerator(options.Traffic).Generate();
        await log.WriteLineAsync(Describe(plan, Stopwatch.GetElapsedTime(planning)));

        if (options.DryRun)
        {
            foreach (var post in plan.Posts)
            {
                await output.WriteLineAsync(post.Body);
            }

            return ExitCodes.Success;
        }

        if (plan.Events[^1].OccurredAt > timeProvider.GetUtcNow().UtcDateTime - MissedAfter)
        {
            await log.WriteLineAsync("warning: the traffic reaches into the last 5 minutes or the future; its missed calls will show Ringing, not Missed.");
        }

        var report = await SendAsync(plan, options, cancellationToken);
        var exitCode = report.Failed > 0 ? ExitCodes.PostFailed : ExitCodes.Success;
        await WriteSummaryAsync(plan, report);

        if (options.Storage is { } storage)
        {
            var rows = await CountRowsAsync(plan, storage, options.Wait, cancellationToken);
            if (rows is not { Complete: true } && exitCode == ExitCodes.Success)
            {
                exitCode = ExitCodes.RowsMissing;
            }
        }

        return exitCode;
    }

    private async Task<SendReport> SendAsync(TrafficPlan plan, SimulatorOptions options, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"Sending {plan.PostCount} POSTs to {RedactedUrl.Of(options.Url)}, {options.Concurrency} at a time.");
        using var httpClient = new HttpClient();
        var sender = new WebhookSender(httpClient, options.Url, options.Concurrency);
        var progress = new SendProgress();
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var showing = ShowProgressAsync(progress, plan.PostCount, stopProgress.Token);
        try
        {
            return await sender.SendAsync(plan.Posts, progress, cancellationToken);
        }
        finally
        {
            await stopProgress.CancelAsync();
            await showing;
        }
    }

    /// <summary>A line a second while POSTs are in flight.</summary>
    private async Task ShowProgressAsync(SendProgress progress, int total, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                var completed = progress.Completed;
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{elapsed.TotalSeconds,4:0}s] {completed}/{total} POSTs ({100.0 * completed / total:0}%), {progress.Failed} failed, {completed / elapsed.TotalSeconds:0}/s"));
            }
        }
        catch (OperationCanceledException)
        {
            // Sending is over.
        }
    }

    private async Task WriteSummaryAsync(TrafficPlan plan, SendReport report)
    {
        var latency = report.Latency;
        var answers = string.Join(", ", report.CountsByOutcome.Select(pair => $"{pair.Key}: {pair.Value}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            Summary
              events sent   {report.Sent} POSTs: {plan.DistinctEventCount} distinct events and {plan.DuplicateCount} duplicates, of {plan.Calls.Count} calls and {plan.Transcriptions.Count} transcriptions
              answers       {answers}
              latency (ms)  p50 {latency.P50:0.0}  p95 {latency.P95:0.0}  p99 {latency.P99:0.0}  max {latency.Max:0.0}
              duration      {report.Duration.TotalSeconds:0.00} s ({report.PostsPerSecond:0} POSTs/s)
              failed        {report.Failed}
            """));

        // A handful of distinct errors tells what went wrong without flooding the screen.
        foreach (var error in report.Results.Where(result => result.Error is not null).Select(result => result.Error).Distinct().Take(5))
        {
            await log.WriteLineAsync($"error: {error}");
        }
    }

    private async Task<RowCount?> CountRowsAsync(TrafficPlan plan, string storage, TimeSpan wait, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"Waiting up to {wait.TotalSeconds:0} s for {plan.Calls.Count} call rows and {plan.Transcriptions.Count} transcription rows.");
        var started = Stopwatch.GetTimestamp();
        try
        {
            var census = new RowCensus(TableServiceFor(storage));
            var rows = await census.WaitForRowsAsync(plan, wait, count => log.WriteLine($"[rows] {Describe(count)}"), cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  rows          {Describe(rows)} after {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s"));
            return rows;
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or AuthenticationFailedException or FormatException or ArgumentException
            or AggregateException or HttpRequestException)
        {
            // The message names the account or the failure, never the key: the connection string is not in it.
            await log.WriteLineAsync($"error: could not read the tables: {exception.GetType().Name}: {exception.Message.Split('\n')[0]}");
            await output.WriteLineAsync("  rows          unknown (storage unreadable)");
            return null;
        }
    }

    private static TableServiceClient TableServiceFor(string storage) =>
        Uri.TryCreate(storage, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? new TableServiceClient(url, new DefaultAzureCredential())
            : new TableServiceClient(storage);

    private static string Describe(RowCount rows) =>
        $"calls {rows.CallsFound}/{rows.CallsExpected}, transcriptions {rows.TranscriptionsFound}/{rows.TranscriptionsExpected}";

    private static string Describe(TrafficPlan plan, TimeSpan took)
    {
        var scenarios = string.Join(", ", plan.Calls.GroupBy(call => call.Scenario).OrderBy(group => group.Key).Select(group => $"{group.Count()} {group.Key}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"Planned {plan.Calls.Count} calls ({scenarios}) and {plan.Transcriptions.Count} transcriptions on {string.Join(", ", plan.CallDates)}: {plan.DistinctEventCount} events, {plan.DuplicateCount} duplicates, {plan.PostCount} POSTs, in {took.TotalMilliseconds:0} ms.");
    }
}
