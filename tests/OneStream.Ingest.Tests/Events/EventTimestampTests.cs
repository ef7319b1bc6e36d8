using OneStream.Ingest.Events;

namespace OneStream.Ingest.Tests.Events;

public sealed class EventTimestampTests
{
    [Theory]
    [InlineData("2/12/2025 7:16:27 PM", "2025-02-12T19:16:27Z")]
    [InlineData("02/02/2025 07:06:05 AM", "2025-02-02T07:06:05Z")]
    [InlineData("12/31/2025 11:59:59 PM", "2025-12-31T23:59:59Z")]
    [InlineData("1/1/2026 12:00:00 AM", "2026-01-01T00:00:00Z")]
    [InlineData("1/1/2026 12:00:00 PM", "2026-01-01T12:00:00Z")]
    [InlineData("2/12/2025 7:16:27 pm", "2025-02-12T19:16:27Z")]
    [InlineData("  2/12/2025 7:16:27 PM ", "2025-02-12T19:16:27Z")]
    [InlineData("2/12/2025 19:16:27", "2025-02-12T19:16:27Z")]
    [InlineData("2/29/2024 1:02:03 AM", "2024-02-29T01:02:03Z")]
    [InlineData("2025-02-12T19:16:27Z", "2025-02-12T19:16:27Z")]
    [InlineData("2025-02-12T19:16:27", "2025-02-12T19:16:27Z")]
    [InlineData("2025-02-12T14:16:27-05:00", "2025-02-12T19:16:27Z")]
    [InlineData("2025-02-12 19:16:27.123", "2025-02-12T19:16:27.123Z")]
    public void TryParse_ReadsAsUtc_WhenVendorOrIsoFormat(string text, string expected)
    {
        Assert.True(EventTimestamp.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("na")]
    [InlineData("13/12/2025 7:16:27 PM")]
    [InlineData("2/30/2025 7:16:27 PM")]
    [InlineData("2/29/2025 7:16:27 PM")]
    [InlineData("12/2/25 7:16 PM extra")]
    [InlineData("yesterday")]
    [InlineData("1739387787")]
    public void TryParse_ReturnsFalse_WhenNotADate(string? text)
    {
        Assert.False(EventTimestamp.TryParse(text, out _));
    }

    [Fact]
    public void Format_WritesTheVendorsFormat_WhenGivenAnInstant()
    {
        var instant = new DateTimeOffset(2025, 2, 12, 19, 16, 27, TimeSpan.Zero);

        Assert.Equal("2/12/2025 7:16:27 PM", EventTimestamp.Format(instant));
        Assert.True(EventTimestamp.TryParse(EventTimestamp.Format(instant), out var roundTripped));
        Assert.Equal(instant, roundTripped);
    }
}
