using System.Text;
using OneStream.Ingest.Events;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Events;

public sealed class EventIdentityTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 2, 13, 0, 0, 5, TimeSpan.Zero);

    private static EventIdentity For(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return EventIdentity.For(bytes, OneStreamEventParser.Parse(bytes), ReceivedAt, "CallRinging");
    }

    [Fact]
    public void For_GivesTheSameIdentity_WhenOnlyLayoutOrderOrNameCasingDiffer()
    {
        var compact = For("""{"EventType":"CallRinging","CallID":"287","DateTimeStamp":"2/12/2025 7:16:06 PM","Queue":null}""");
        var spread = For("""
            {
                "queue" : null,
                "dateTimeStamp": "2/12/2025 7:16:06 PM",
                "CALLID": "287",
                "eventType": "CallRinging"
            }
            """);

        Assert.Equal(compact, spread);
    }

    [Theory]
    [InlineData("""{"EventType":"CallRinging","CallID":"288","DateTimeStamp":"2/12/2025 7:16:06 PM","Queue":null}""")]
    [InlineData("""{"EventType":"CallRinging","CallID":"287","DateTimeStamp":"2/12/2025 7:16:07 PM","Queue":null}""")]
    [InlineData("""{"EventType":"CallRinging","CallID":"287","DateTimeStamp":"2/12/2025 7:16:06 PM","Queue":""}""")]
    [InlineData("""{"EventType":"CallRinging","CallID":287,"DateTimeStamp":"2/12/2025 7:16:06 PM","Queue":null}""")]
    public void For_GivesAnotherIdentity_WhenAnyValueDiffers(string body)
    {
        var original = For("""{"EventType":"CallRinging","CallID":"287","DateTimeStamp":"2/12/2025 7:16:06 PM","Queue":null}""");

        Assert.NotEqual(original.Hash, For(body).Hash);
    }

    [Fact]
    public void For_FilesTheEventUnderItsUtcDateAndTime_WhenTheTimeParses()
    {
        var identity = For(SeedPayloads.InboundRinging);

        Assert.Equal("2025-02-12", identity.PartitionKey);
        Assert.Equal($"191606-CallRinging-{identity.Hash[..16]}", identity.RowKey);
        Assert.Equal(64, identity.Hash.Length);
    }

    [Fact]
    public void For_SortsFractionsOfASecondAfterTheWholeSecond()
    {
        var whole = For("""{"EventType":"CallEnd","DateTimeStamp":"2025-02-12T19:16:06Z"}""");
        var fraction = For("""{"EventType":"CallEnd","DateTimeStamp":"2025-02-12T19:16:06.25Z"}""");
        var next = For("""{"EventType":"CallEnd","DateTimeStamp":"2025-02-12T19:16:07Z"}""");

        Assert.StartsWith("191606.25-CallEnd-", fraction.RowKey, StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal(whole.RowKey, fraction.RowKey) < 0);
        Assert.True(string.CompareOrdinal(fraction.RowKey, next.RowKey) < 0);
    }

    [Fact]
    public void For_FilesUndatedEventsUnderTheReceiveDate_AfterEveryTimeOfTheDay()
    {
        var identity = For("""{"EventType":"Call-Parked","DateTimeStamp":"soon"}""");

        Assert.Equal("2025-02-13", identity.PartitionKey);
        Assert.StartsWith("undated-Call~2DParked-", identity.RowKey, StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal("235959", identity.RowKey) < 0);
    }

    [Fact]
    public void CanonicalForm_IsTheBytesThemselves_WhenTheBodyIsNotJson()
    {
        var bytes = Encoding.UTF8.GetBytes("not { json");

        Assert.Equal(bytes, EventIdentity.CanonicalForm(bytes));
    }
}
