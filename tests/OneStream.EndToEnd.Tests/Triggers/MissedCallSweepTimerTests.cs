using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using OneStream.DevHost.Triggers;
using OneStream.Testing;

namespace OneStream.EndToEnd.Tests.Triggers;

[Collection(DevHostCollection.Name)]
public sealed class MissedCallSweepTimerTests(AzuriteFixture storage)
{
    [Theory]
    [InlineData("0 * * * * *")]
    [InlineData("*/10 * * * * *")]
    [InlineData("0 */5 * * * *")]
    public void Parse_AcceptsSixFieldSchedules(string schedule) => Assert.NotNull(MissedCallSweepTimer.Parse(schedule));

    [Theory]
    [InlineData("* * * * *")]
    [InlineData("00:05:00")]
    [InlineData("every minute")]
    public void Parse_Throws_WhenNotASixFieldSchedule(string schedule) =>
        Assert.Throws<FormatException>(() => MissedCallSweepTimer.Parse(schedule));

    [Fact]
    public async Task Sweep_MarksASilentRingingCallMissed_OnTheScheduleSetting()
    {
        await using var host = await DevHostUnderTest.StartAsync(storage, new Dictionary<string, string?>
        {
            ["OneStream:Calls:MissedSweepSchedule"] = "* * * * * *",
            ["OneStream:Calls:MissedAfter"] = "00:00:10",
        });
        var now = DateTime.UtcNow;
        var ringing = SeedPayloads.InboundRinging.Replace("2/12/2025 7:16:06 PM", now.ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using (var response = await host.Http.PostAsync(host.ReceiverUrl, new StringContent(ringing)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Ringing when the event is processed (it is newer than MissedAfter); Missed once no event came for 10 s,
        // which only the sweep can notice: nothing else writes the row again.
        var statuses = new List<string>();
        await Eventually.HoldsAsync(
            async () =>
            {
                var row = await host.Table(host.Names.CallsTable).GetEntityIfExistsAsync<TableEntity>(now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "287");
                if (row.HasValue && row.Value!.GetString("Status") is { } status && (statuses.Count == 0 || statuses[^1] != status))
                {
                    statuses.Add(status);
                }

                return statuses.Contains("Missed");
            },
            TimeSpan.FromSeconds(60),
            () => $"statuses seen: {string.Join(", ", statuses)}\n{host.LogText()}");
        Assert.Equal(["Ringing", "Missed"], statuses);
    }
}
