using OneStream.Simulator.Sending;
using OneStream.Simulator.Tests.Receivers;
using OneStream.Simulator.Traffic;
using Xunit.Abstractions;

namespace OneStream.Simulator.Tests.Sending;

public sealed class WebhookSenderTests(ITestOutputHelper output)
{
    private static readonly TrafficPlan Plan = new TrafficGenerator(new TrafficOptions { Calls = 20, Seed = 11, DuplicateRate = 0.2 }).Generate();

    [Fact]
    public async Task SendAsync_CountsAnswersByStatusCode()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(body => body.Contains("\"CallEnd\"", StringComparison.Ordinal) ? 503 : 200);
        using var httpClient = new HttpClient();
        var progress = new SendProgress();

        var report = await new WebhookSender(httpClient, receiver.WebhookUrl, concurrency: 4).SendAsync(Plan.Posts, progress);

        var callEnds = Plan.Posts.Count(p => p.EventType == OneStreamEventTypes.CallEnd);
        Assert.Equal(new Dictionary<string, int> { ["200"] = Plan.PostCount - callEnds, ["503"] = callEnds }, report.CountsByOutcome);
        Assert.Equal(callEnds, report.Failed);
        Assert.Equal(Plan.PostCount, progress.Completed);
        Assert.Equal(callEnds, progress.Failed);
        Assert.Equal(Plan.Posts.Select(p => p.Sequence), report.Results.Select(r => r.Sequence));
    }

    [Fact]
    public async Task SendAsync_PostsEachBodyExactly_AsJson()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(_ => 200);
        using var httpClient = new HttpClient();

        await new WebhookSender(httpClient, receiver.WebhookUrl, concurrency: 1).SendAsync(Plan.Posts);

        var received = receiver.Requests.ToArray();
        Assert.Equal(Plan.Posts.Select(p => p.Body), received.Select(r => r.Body));
        Assert.All(received, r => Assert.Equal("POST", r.Method));
        Assert.All(received, r => Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_SendsTheKeyInTheUrl()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(_ => 200);
        using var httpClient = new HttpClient();
        var url = new Uri(receiver.WebhookUrl + "?code=k3y-value");

        await new WebhookSender(httpClient, url, concurrency: 2).SendAsync(Plan.Posts.Take(3).ToArray());

        Assert.All(receiver.Requests, r => Assert.Equal("/api/onestream/webhook?code=k3y-value", r.PathAndQuery));
    }

    [Fact]
    public async Task SendAsync_HasNoMoreThanTheConcurrencyInFlight()
    {
        const int concurrency = 4;
        var inFlight = 0;
        var mostInFlight = 0;
        var allInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await LoopbackReceiver.StartAsync(async (context, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            if (now == concurrency)
            {
                allInFlight.TrySetResult();
            }

            // Hold the first requests until the sender has filled every slot; bounded, so a bug fails rather than hangs.
            await allInFlight.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Interlocked.Decrement(ref inFlight);
            context.Response.StatusCode = 200;
        });
        using var httpClient = new HttpClient();

        var report = await new WebhookSender(httpClient, receiver.WebhookUrl, concurrency).SendAsync(Plan.Posts);

        Assert.Equal(0, report.Failed);
        Assert.Equal(concurrency, mostInFlight);
    }

    [Fact]
    public async Task SendAsync_RecordsAnError_WhenNothingListens()
    {
        using var closed = new ClosedPort();
        using var httpClient = new HttpClient();
        var url = new Uri(closed.Url + "?code=k3y-value");

        var report = await new WebhookSender(httpClient, url, concurrency: 2).SendAsync(Plan.Posts.Take(5).ToArray());

        Assert.Equal(5, report.Failed);
        Assert.Equal(new Dictionary<string, int> { ["error"] = 5 }, report.CountsByOutcome);
        Assert.All(report.Results, r => Assert.StartsWith("HttpRequestException", r.Error, StringComparison.Ordinal));
        Assert.All(report.Results, r => Assert.DoesNotContain("k3y-value", r.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_Throughput_IsMeasured()
    {
        var plan = new TrafficGenerator(new TrafficOptions { Calls = 300, Seed = 5 }).Generate();
        await using var receiver = await LoopbackReceiver.StartAsync(_ => 200);
        using var httpClient = new HttpClient();

        var report = await new WebhookSender(httpClient, receiver.WebhookUrl, concurrency: 8).SendAsync(plan.Posts);

        output.WriteLine($"{report.Sent} POSTs in {report.Duration.TotalMilliseconds:0} ms: {report.PostsPerSecond:0}/s, p50 {report.Latency.P50:0.00} ms, p99 {report.Latency.P99:0.00} ms");
        Assert.Equal(0, report.Failed);
        Assert.Equal(plan.PostCount, receiver.Requests.Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
