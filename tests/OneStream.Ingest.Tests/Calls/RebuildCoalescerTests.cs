using OneStream.Ingest.Calls;

namespace OneStream.Ingest.Tests.Calls;

public sealed class RebuildCoalescerTests
{
    [Fact]
    public async Task RunAsync_SharesOneLaterRun_AmongRequestsThatArriveWhileARunIsUnderWay()
    {
        var coalescer = new RebuildCoalescer<string>();
        var firstRunning = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var runs = 0;
        async Task<int> Run(CancellationToken _)
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                firstRunning.SetResult();
                await releaseFirst.Task;
            }

            return 1;
        }

        var first = coalescer.RunAsync("287", Run, CancellationToken.None);
        await firstRunning.Task;
        var waiting = Enumerable.Range(0, 10).Select(_ => coalescer.RunAsync("287", Run, CancellationToken.None)).ToArray();
        releaseFirst.SetResult();
        var results = await Task.WhenAll(waiting.Prepend(first));

        Assert.Equal(2, runs);
        Assert.Equal(2, results.Sum());
    }

    [Fact]
    public async Task RunAsync_RunsAgain_WhenTheRunThatWouldHaveCoveredARequestFailed()
    {
        var coalescer = new RebuildCoalescer<string>();
        var running = new TaskCompletionSource();
        var fail = new TaskCompletionSource();
        var runs = 0;
        async Task<int> Run(CancellationToken _)
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                running.SetResult();
                await fail.Task;
                throw new InvalidOperationException("storage failed");
            }

            return 1;
        }

        var failing = coalescer.RunAsync("287", Run, CancellationToken.None);
        await running.Task;
        var second = coalescer.RunAsync("287", Run, CancellationToken.None);
        fail.SetResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(1, await second);
        Assert.Equal(1, await coalescer.RunAsync("287", Run, CancellationToken.None));
        Assert.Equal(3, runs);
    }
}
