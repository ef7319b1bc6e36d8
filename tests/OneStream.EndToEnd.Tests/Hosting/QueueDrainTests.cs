using Microsoft.Extensions.Logging;
using OneStream.Simulator.Sending;
using OneStream.Simulator.Traffic;
using OneStream.Testing;

namespace OneStream.EndToEnd.Tests.Hosting;

[Collection(DevHostCollection.Name)]
public sealed class QueueDrainTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Stop_WhileMessagesAreInHand_LetsThemFinish_InsteadOfCancellingThem()
    {
        var plan = new TrafficGenerator(new TrafficOptions { Calls = 20, Seed = 5 }).Generate();
        var host = await DevHostUnderTest.StartAsync(storage);
        await using (host)
        {
            await new WebhookSender(host.Http, host.ReceiverUrl, concurrency: 16).SendAsync(plan.Posts);
            await Eventually.HoldsAsync(async () => await ReceiptsAsync(host) > 0, TimeSpan.FromSeconds(30), host.LogText);

            await host.StopAsync();
        }

        // A cancelled invocation would be logged by the WebJobs host as a failed function (category Function.<name>)
        // and its message put back; instead every message was either processed whole (its POST has a receipt, the
        // first thing processing writes) or never taken.
        Assert.DoesNotContain(host.Logs.Entries, entry => entry.Level >= LogLevel.Error);
        var untouched = await DevHostUnderTest.LengthAsync(host.CallEventsQueue) + await DevHostUnderTest.LengthAsync(host.TranscriptionsQueue);
        Assert.Equal(plan.PostCount, await ReceiptsAsync(host) + untouched);
    }

    private static async Task<int> ReceiptsAsync(DevHostUnderTest host) => (await host.RowsAsync(host.Names.ReceiptsTable)).Count;
}
