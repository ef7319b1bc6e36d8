using Azure.Data.Tables;
using OneStream.Ingest.Processing;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Tests.Processing;
using OneStream.Ingest.Transcriptions;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Transcriptions;

/// <summary>One row per permanent CallID: the latest transcription wins, whatever the arrival order; nothing is cut.</summary>
public sealed class TranscriptionWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2025, 2, 12, 19, 13, 17, TimeSpan.Zero);

    [Fact]
    public async Task WriteAsync_KeepsTheLatestTranscribedAt_InEitherOrder()
    {
        var older = Bodies.Transcription("220273", At, " Older.");
        var newer = Bodies.Transcription("220273", At.AddMinutes(3), " Newer.");

        var forward = await RowAfterAsync(older, newer);
        var backward = await RowAfterAsync(newer, older);

        Assert.Equal(" Newer.", forward.GetString("Text"));
        Assert.Equal(Columns(forward), Columns(backward));
    }

    [Fact]
    public async Task WriteAsync_ChoosesTheSameTextEitherWay_WhenTwoTranscriptionsShareTranscribedAt()
    {
        var one = Bodies.Transcription("220273", At, " One text.");
        var other = Bodies.Transcription("220273", At, " Another text.");

        var forward = await RowAfterAsync(one, other);
        var backward = await RowAfterAsync(other, one);

        Assert.Equal(Columns(forward), Columns(backward));
    }

    [Fact]
    public async Task WriteAsync_StoresTheTextInABlobWhole_WhenItIsTooLargeForAnEntity()
    {
        await using var host = new ProcessorHost(azurite);
        var text = string.Concat(Enumerable.Repeat("日本語の通話記録。", 30_000));
        Assert.True(TableLimits.StoredBytes(text) > TableLimits.EntityTextBudgetBytes);

        var result = await host.ProcessAsync(Bodies.Transcription("220302", At, text));

        Assert.Equal(ProcessedAs.Transcription, result.Outcome);
        var row = Assert.Single(await host.Table(host.Names.TranscriptionsTable).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(0, row.GetInt32("TextParts"));
        Assert.Equal(text.Length, row.GetInt32("TextLength"));
        Assert.Null(row.GetString("Text"));
        var blob = row.GetString("TextBlob")!;
        Assert.StartsWith(TranscriptionWriter.TextBlobPrefix, blob, StringComparison.Ordinal);
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString((await host.Payloads.ReadAsync(blob, CancellationToken.None)).Span));
    }

    [Fact]
    public async Task WriteAsync_KeepsTheEarliestReceivedAt_WhenTheSameTranscriptionArrivesTwice()
    {
        await using var host = new ProcessorHost(azurite);
        var body = Bodies.Transcription("220273", At, " Same.");
        await host.ProcessAsync(body, "late", At.AddMinutes(5));
        await host.ProcessAsync(body, "early", At.AddMinutes(1));

        var row = Assert.Single(await host.Table(host.Names.TranscriptionsTable).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(At.AddMinutes(1), row.GetDateTimeOffset("ReceivedAt"));
    }

    private async Task<TableEntity> RowAfterAsync(params string[] bodies)
    {
        await using var host = new ProcessorHost(azurite);
        for (var i = 0; i < bodies.Length; i++)
        {
            // Each transcription received at its own fixed time, whatever the processing order.
            await host.ProcessAsync(bodies[i], $"post-{bodies[i].GetHashCode(StringComparison.Ordinal)}", At.AddHours(1).AddSeconds(bodies[i].Length));
        }

        return Assert.Single(await host.Table(host.Names.TranscriptionsTable).QueryAsync<TableEntity>().ToListAsync());
    }

    private static List<string> Columns(TableEntity row) =>
        [.. RowColumns.Of(row).Select(p => $"{p.Key}={p.Value}")];
}
