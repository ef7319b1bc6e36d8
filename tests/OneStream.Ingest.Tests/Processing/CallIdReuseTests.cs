using Azure.Data.Tables;
using OneStream.Ingest.Calls;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>Issue 3, point 4: CallIDs are reused; a call past midnight stays one row.</summary>
public sealed class CallIdReuseTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ProcessAsync_FilesReusesApartAndKeepsAMidnightCallWhole_WhenACallIdIsUsedFourTimes()
    {
        await using var host = new ProcessorHost(azurite);
        foreach (var body in Scenarios.ReusedCallId())
        {
            await host.ProcessAsync(body);
        }

        var rows = await CallsAsync(host);
        Assert.Equal(["2025-02-12|287", "2025-02-12|287-2", "2025-02-12|287-3", "2025-02-13|287"], rows.Keys);
        Assert.All(rows.Values, row => Assert.Equal("287", row.GetString("CallId")));
        Assert.Equal(("Inbound", "Completed", 3), Summary(rows["2025-02-12|287"]));
        Assert.Equal(("Outbound", "Completed", 2), Summary(rows["2025-02-12|287-2"]));
        var midnight = rows["2025-02-12|287-3"];
        Assert.Equal(("Inbound", "Completed", 3), Summary(midnight));
        Assert.Equal(Scenarios.Day2.AddMinutes(4), midnight.GetDateTimeOffset("EndedAt"));
        Assert.Equal(340.0, midnight.GetDouble("TalkSeconds"));
        Assert.Equal(("Inbound", "Missed", 1), Summary(rows["2025-02-13|287"]));
    }

    [Fact]
    public async Task ProcessAsync_RenumbersTheDay_WhenAnEarlierReuseArrivesLast()
    {
        await using var host = new ProcessorHost(azurite);
        var events = Scenarios.ReusedCallId();
        foreach (var body in events[3..5].Concat(events[..3]))
        {
            await host.ProcessAsync(body);
        }

        var rows = await CallsAsync(host);
        Assert.Equal(["2025-02-12|287", "2025-02-12|287-2"], rows.Keys);
        Assert.Equal("Inbound", rows["2025-02-12|287"].GetString("Direction"));
        Assert.Equal("Outbound", rows["2025-02-12|287-2"].GetString("Direction"));
    }

    [Fact]
    public async Task ProcessAsync_MergesTwoCallsIntoOneAcrossDates_WhenAnEventBridgesTheGap()
    {
        await using var host = new ProcessorHost(azurite);
        var events = Scenarios.BridgedAcrossMidnight();
        await host.ProcessAsync(events[0]);
        await host.ProcessAsync(events[1]);
        Assert.Equal(["2025-02-12|288", "2025-02-13|288"], (await CallsAsync(host)).Keys);

        await host.ProcessAsync(events[2]);

        var row = Assert.Single(await CallsAsync(host));
        Assert.Equal("2025-02-12|288", row.Key);
        Assert.Equal(3, row.Value.GetInt32("RingCount"));
        Assert.Equal("101,103,102", row.Value.GetString("ExtensionsRung"));
    }

    [Fact]
    public async Task ProcessAsync_KeepsCallIdsApart_WhenOneCallIdLooksLikeAnotherWithASuffix()
    {
        await using var host = new ProcessorHost(azurite);
        var at = Scenarios.Day1.AddHours(9);
        await host.ProcessAsync(Bodies.Inbound("CallRinging", "7", "101", at));
        await host.ProcessAsync(Bodies.Inbound("CallRinging", "7", "101", at.AddHours(8)));
        await host.ProcessAsync(Bodies.Inbound("CallRinging", "7-2", "102", at.AddHours(1)));

        var rows = await CallsAsync(host);
        Assert.Equal(["2025-02-12|7", "2025-02-12|7-2", "2025-02-12|7~2D2"], rows.Keys);
        Assert.Equal("7", rows["2025-02-12|7-2"].GetString("CallId"));
        Assert.Equal("7-2", rows["2025-02-12|7~2D2"].GetString("CallId"));
    }

    private static (string?, string?, int?) Summary(TableEntity row) =>
        (row.GetString("Direction"), row.GetString("Status"), row.GetInt32("EventCount"));

    private static async Task<SortedDictionary<string, TableEntity>> CallsAsync(ProcessorHost host)
    {
        var rows = new SortedDictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in host.Table(host.Names.CallsTable).QueryAsync<TableEntity>())
        {
            rows[$"{row.PartitionKey}|{row.RowKey}"] = row;
        }

        Assert.All(rows.Values, row => Assert.NotEqual(CallStatuses.Ringing, row.GetString("Status")));
        return rows;
    }
}
