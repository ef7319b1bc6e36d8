using Azure.Data.Tables;
using OneStream.Ingest.Calls;
using OneStream.Ingest.Events;
using OneStream.Ingest.Tests.Processing;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Calls;

/// <summary>A ringing call that goes quiet becomes Missed (by the sweep, or on any rewrite); a later event moves it on.</summary>
public sealed class MissedCallSweeperTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset RingAt = new(2025, 2, 12, 19, 16, 6, TimeSpan.Zero);

    [Fact]
    public async Task SweepAsync_MarksARingingCallMissed_OnceMissedAfterHasPassed()
    {
        await using var host = new ProcessorHost(azurite, clock: new(RingAt.AddSeconds(30)));
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, "287", "101", RingAt));
        Assert.Equal(CallStatuses.Ringing, await StatusAsync(host));

        host.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await host.Sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(CallStatuses.Ringing, await StatusAsync(host));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await host.Sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(CallStatuses.Missed, await StatusAsync(host));
        Assert.Equal(0, await host.Sweeper.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ProcessAsync_MovesAMissedCallOn_WhenALaterEventArrives()
    {
        await using var host = new ProcessorHost(azurite, clock: new(RingAt.AddMinutes(20)));
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, "287", "101", RingAt));
        Assert.Equal(CallStatuses.Missed, await StatusAsync(host));

        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallConnected, "287", "101", RingAt.AddMinutes(6)));

        Assert.Equal(CallStatuses.Connected, await StatusAsync(host));
    }

    [Fact]
    public async Task SweepAsync_LeavesCallsAlone_WhenTheyAreOutsideTheLookbackOrNotRinging()
    {
        await using var host = new ProcessorHost(azurite, clock: new(RingAt.AddSeconds(30)));
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, "287", "101", RingAt));
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallConnected, "288", "101", RingAt));

        host.Clock.Advance(TimeSpan.FromDays(5));

        Assert.Equal(0, await host.Sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(CallStatuses.Ringing, await StatusAsync(host, "287"));
    }

    private static async Task<string?> StatusAsync(ProcessorHost host, string rowKey = "287") =>
        (await host.Table(host.Names.CallsTable).GetEntityAsync<TableEntity>("2025-02-12", rowKey)).Value.GetString("Status");
}
