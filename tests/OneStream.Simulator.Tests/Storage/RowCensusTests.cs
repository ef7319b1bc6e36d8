using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using OneStream.Simulator.Storage;
using OneStream.Simulator.Tests.Receivers;
using OneStream.Simulator.Traffic;

namespace OneStream.Simulator.Tests.Storage;

/// <summary>
/// The census against a stand-in for the Table service on loopback, which answers queries with the rows it is
/// given. What the processor really writes is checked end to end against Azurite, not here.
/// </summary>
public sealed class RowCensusTests
{
    // Azurite's published development account key.
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TrafficPlan Plan = new TrafficGenerator(new TrafficOptions { Calls = 12, Seed = 4 }).Generate();

    [Fact]
    public async Task CountAsync_CountsThePlansOwnKeys_AndNoOtherRows()
    {
        var callRows = Plan.Calls.Skip(1).Select(c => (c.PartitionKey, c.RowKey)).Append((Plan.Calls[0].PartitionKey, "999")).ToArray();
        var transcriptionRows = Plan.Transcriptions.Select(t => (t.PartitionKey, "")).ToArray();
        await using var tables = await StartTablesAsync(new() { ["OneStreamCalls"] = callRows, ["OneStreamTranscriptions"] = transcriptionRows });

        var count = await new RowCensus(tables.Client).CountAsync(Plan);

        Assert.Equal(new RowCount(Plan.Calls.Count - 1, Plan.Calls.Count, Plan.Transcriptions.Count, Plan.Transcriptions.Count), count);
        Assert.False(count.Complete);
    }

    [Fact]
    public async Task CountAsync_QueriesOnlyTheKeysOfThePlansPartitions()
    {
        await using var tables = await StartTablesAsync([]);

        await new RowCensus(tables.Client).CountAsync(Plan);

        var callsQuery = Assert.Single(tables.Receiver.Requests, r => r.PathAndQuery.Contains("OneStreamCalls", StringComparison.Ordinal));
        var query = Uri.UnescapeDataString(callsQuery.PathAndQuery);
        Assert.Contains($"PartitionKey ge '{Plan.CallDates[0]}' and PartitionKey le '{Plan.CallDates[^1]}'", query, StringComparison.Ordinal);
        Assert.Contains("$select=PartitionKey,RowKey", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForRowsAsync_ReturnsAtOnce_WhenEveryRowIsThere()
    {
        await using var tables = await StartTablesAsync(new()
        {
            ["OneStreamCalls"] = [.. Plan.Calls.Select(c => (c.PartitionKey, c.RowKey))],
            ["OneStreamTranscriptions"] = [.. Plan.Transcriptions.Select(t => (t.PartitionKey, ""))],
        });
        var polls = 0;

        var count = await new RowCensus(tables.Client).WaitForRowsAsync(Plan, TimeSpan.FromSeconds(30), _ => polls++);

        Assert.True(count.Complete);
        Assert.Equal(1, polls);
    }

    [Fact]
    public async Task WaitForRowsAsync_CountsNothing_WhenTheTablesDoNotExistYet()
    {
        await using var tables = await StartTablesAsync([]);

        var count = await new RowCensus(tables.Client).WaitForRowsAsync(Plan, TimeSpan.Zero);

        Assert.Equal(new RowCount(0, Plan.Calls.Count, 0, Plan.Transcriptions.Count), count);
    }

    private static async Task<StubTables> StartTablesAsync(Dictionary<string, (string PartitionKey, string RowKey)[]> rowsByTable)
    {
        var receiver = await LoopbackReceiver.StartAsync(async (context, self) =>
        {
            self.Requests.Enqueue(new(context.Request.Method, context.Request.Path + context.Request.QueryString, null, ""));
            var table = context.Request.Path.Value!.Split('/')[^1].TrimEnd('(', ')');
            context.Response.ContentType = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";
            if (!rowsByTable.TryGetValue(table, out var rows))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.Headers["x-ms-error-code"] = "TableNotFound";
                await context.Response.WriteAsync("""{"odata.error":{"code":"TableNotFound","message":{"lang":"en-US","value":"The table specified does not exist."}}}""");
                return;
            }

            var value = rows.Select(row => new Dictionary<string, string> { ["PartitionKey"] = row.PartitionKey, ["RowKey"] = row.RowKey });
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object> { ["value"] = value }));
        });
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};TableEndpoint={receiver.BaseAddress}devstoreaccount1;";
        return new StubTables(receiver, new TableServiceClient(connectionString));
    }

    private sealed record StubTables(LoopbackReceiver Receiver, TableServiceClient Client) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Receiver.DisposeAsync();
    }
}
