using OneStream.Ingest.Storage;

namespace OneStream.Ingest.Tests.Storage;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("287", "287")]
    [InlineData("220273", "220273")]
    [InlineData("a.b_c:d@e", "a.b_c:d@e")]
    [InlineData("a/b", "a~2Fb")]
    [InlineData("a\\b", "a~5Cb")]
    [InlineData("#?", "~23~3F")]
    [InlineData("x-2", "x~2D2")]
    [InlineData("50%", "50~25")]
    [InlineData("it's", "it~27s")]
    [InlineData("~", "~7E")]
    [InlineData("\u0000\u001f\u007f\u009f", "~00~1F~7F~9F")]
    [InlineData("Zürich", "Z~FCrich")]
    [InlineData("東京", "東京")]
    [InlineData("\ud83d\ude00", "~uD83D~uDE00")]
    [InlineData("", "")]
    public void Encode_KeepsSafeCharactersAndEscapesTheRest(string value, string expected) =>
        Assert.Equal(expected, TableKey.Encode(value));

    [Fact]
    public void Encode_NeverGivesTwoValuesTheSameKey_NorAForbiddenCharacter()
    {
        var random = new Random(7);
        const string Alphabet = "ab1-~%/\\#?' \t\u0001\u007f\u0085é東\ud83d";
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 20_000; i++)
        {
            var value = new string([.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            var key = TableKey.Encode(value);
            Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' or '%' or '\'' or '-' || char.IsControl(c) || char.IsSurrogate(c));
            if (seen.TryGetValue(key, out var other))
            {
                Assert.Equal(other, value);
            }

            seen[key] = value;
        }
    }

    [Fact]
    public void Encode_BoundsTheLengthWithAHash_WhenTheValueIsLong()
    {
        var one = TableKey.Encode(new string('/', 500) + "a");
        var two = TableKey.Encode(new string('/', 500) + "b");

        Assert.InRange(one.Length, 1, TableKey.MaxEncodedLength);
        Assert.NotEqual(one, two);
        Assert.Contains("~~", one, StringComparison.Ordinal);
        Assert.DoesNotContain('-', one);
    }
}
