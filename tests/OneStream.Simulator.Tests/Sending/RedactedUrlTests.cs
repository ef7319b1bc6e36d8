using OneStream.Simulator.Sending;

namespace OneStream.Simulator.Tests.Sending;

public sealed class RedactedUrlTests
{
    private static readonly Uri Deployed = new("https://app.example.net/api/onestream/webhook?code=abc%2Bdef==&clientId=default");

    [Fact]
    public void Of_HidesTheQueryString()
    {
        Assert.Equal("https://app.example.net/api/onestream/webhook?<redacted>", RedactedUrl.Of(Deployed));
    }

    [Fact]
    public void Of_LeavesAUrlWithoutQueryAsItIs()
    {
        Assert.Equal("http://localhost:7071/api/onestream/webhook", RedactedUrl.Of(new Uri("http://localhost:7071/api/onestream/webhook")));
    }

    [Fact]
    public void Scrub_RemovesTheKey_EscapedOrNot()
    {
        var text = $"failed {Deployed} with abc%2Bdef== and abc+def==";

        var scrubbed = RedactedUrl.Scrub(text, Deployed);

        Assert.DoesNotContain("abc", scrubbed, StringComparison.Ordinal);
    }
}
