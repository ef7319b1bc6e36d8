using Azure.Data.Tables;
using OneStream.Ingest.Transcriptions;

namespace OneStream.Ingest.Tests.Transcriptions;

public sealed class TranscriptTextTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(32_000, 1)]
    [InlineData(32_001, 2)]
    [InlineData(300_000, 10)]
    public void Split_CutsIntoPartsOfAtMost32000Characters(int length, int parts)
    {
        var text = new string('a', length);

        var split = TranscriptText.Split(text);

        Assert.Equal(parts, split.Count);
        Assert.All(split, part => Assert.InRange(part.Length, 1, 32_000));
        Assert.Equal(text, string.Concat(split));
    }

    [Fact]
    public void Split_NeverSeparatesASurrogatePair()
    {
        var text = new string('a', 31_999) + "\ud83d\ude00" + "b";

        var split = TranscriptText.Split(text);

        Assert.Equal(31_999, split[0].Length);
        Assert.StartsWith("\ud83d\ude00", split[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Join_ReadsThePartsBackInOrder()
    {
        var row = new TableEntity("p", "r") { ["TextParts"] = 3, ["Text"] = "a", ["Text2"] = "b", ["Text3"] = "c" };

        Assert.Equal("abc", TranscriptText.Join(row));
        Assert.Equal(["Text", "Text2", "Text10"], new[] { 1, 2, 10 }.Select(TranscriptText.ColumnName));
    }
}
