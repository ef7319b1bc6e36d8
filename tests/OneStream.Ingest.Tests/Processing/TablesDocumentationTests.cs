using System.Text.RegularExpressions;
using Azure.Data.Tables;
using OneStream.Ingest.Events;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>The Storage Explorer queries in README.md ("The tables"), run as written against rows the processor wrote.</summary>
public sealed partial class TablesDocumentationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Day = new(2025, 2, 12, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Queries_FindTheDocumentedRows_WhenRunAsWritten()
    {
        var queries = DocumentedQueries();
        Assert.Equal(3, queries.Count);
        await using var host = new ProcessorHost(azurite);
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, "301", "101", Day));
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, "302", "101", Day.AddHours(1)));
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallConnected, "302", "101", Day.AddHours(1).AddSeconds(9)));
        await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, "303", "101", Day.AddDays(1)));
        await host.ProcessAsync(Bodies.Transcription("220273", Day, " Hello."));
        await host.ProcessAsync(Bodies.Transcription("220274", Day, " Other call."));

        var results = new List<string[]>();
        foreach (var (table, filter) in queries)
        {
            var name = table switch
            {
                "OneStreamCalls" => host.Names.CallsTable,
                "OneStreamTranscriptions" => host.Names.TranscriptionsTable,
                _ => throw new InvalidOperationException($"The docs name an unknown table: {table}"),
            };
            results.Add([.. (await host.Table(name).QueryAsync<TableEntity>(filter).ToListAsync()).Select(r => $"{r.PartitionKey}|{r.RowKey}").Order(StringComparer.Ordinal)]);
        }

        Assert.Equal(["2025-02-12|301", "2025-02-12|302"], results[0]);
        Assert.Equal(["2025-02-12|301"], results[1]);
        Assert.Equal(["220273|transcription"], results[2]);
    }

    private static List<(string Table, string Filter)> DocumentedQueries()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "OneStream.Functions.sln")))
        {
            directory = directory.Parent;
        }

        var markdown = File.ReadAllText(Path.Combine(directory.FullName, "README.md"));
        return [.. QueryBlock().Matches(markdown).Select(m => (m.Groups["table"].Value, m.Groups["filter"].Value.Trim()))];
    }

    [GeneratedRegex(@"```odata (?<table>\w+)\n(?<filter>[^`]+)```")]
    private static partial Regex QueryBlock();
}
