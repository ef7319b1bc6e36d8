using System.Text;
using OneStream.Ingest.Events;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Events;

public sealed class OneStreamEventParserTests
{
    private static OneStreamEvent Parse(string json) => OneStreamEventParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_ReadsEveryField_WhenInboundConnectedFromTheSeed()
    {
        var parsed = Parse(SeedPayloads.InboundConnected);

        Assert.Equal(EventTypes.CallConnected, parsed.EventType);
        Assert.Equal("100", parsed.ExtensionNumber);
        Assert.Equal("287", parsed.CallId);
        Assert.Equal("+15551234567", parsed.FromPhone);
        Assert.Null(parsed.FromCallerId);
        Assert.Equal(SeedPayloads.Trunk, parsed.ToPhone);
        Assert.Null(parsed.ToCallerId);
        Assert.Equal(new DateTimeOffset(2025, 2, 12, 19, 16, 27, TimeSpan.Zero), parsed.OccurredAt);
        Assert.Equal("2/12/2025 7:16:27 PM", parsed.DateTimeStampText);
        Assert.Equal("Queue Name", parsed.Queue);
        Assert.Null(parsed.Transcription);
        Assert.Empty(parsed.Problems);
        Assert.True(parsed.IsCallEvent);
    }

    [Fact]
    public void Parse_ReadsEveryField_WhenOutboundConnectedFromTheSeed()
    {
        var parsed = Parse(SeedPayloads.OutboundConnected);

        Assert.Equal("295", parsed.CallId);
        Assert.Equal(SeedPayloads.Trunk, parsed.FromPhone);
        Assert.Equal("5551234567", parsed.ToPhone);
        Assert.Null(parsed.Queue);
        Assert.Equal(new DateTimeOffset(2025, 2, 12, 19, 20, 7, TimeSpan.Zero), parsed.OccurredAt);
        Assert.Empty(parsed.Problems);
    }

    [Theory]
    [InlineData(SeedPayloads.InboundRinging, EventTypes.CallRinging, "287", "2025-02-12T19:16:06Z")]
    [InlineData(SeedPayloads.InboundEnd, EventTypes.CallEnd, "286", "2025-02-12T19:29:01Z")]
    [InlineData(SeedPayloads.OutboundEnd, EventTypes.CallEnd, "297", "2025-02-12T19:26:56Z")]
    public void Parse_ReadsTypeCallAndTime_WhenOtherSeedCallEvents(string json, string eventType, string callId, string occurredAt)
    {
        var parsed = Parse(json);

        Assert.Equal(eventType, parsed.EventType);
        Assert.Equal(callId, parsed.CallId);
        Assert.Equal(DateTimeOffset.Parse(occurredAt, System.Globalization.CultureInfo.InvariantCulture), parsed.OccurredAt);
        Assert.Equal("100", parsed.ExtensionNumber);
        Assert.Empty(parsed.Problems);
    }

    [Fact]
    public void Parse_TreatsNaAsEmptyAndKeepsTheTextUntrimmed_WhenTranscriptionReady()
    {
        var parsed = Parse(SeedPayloads.TranscriptionReady);

        Assert.Equal(EventTypes.TranscriptionReady, parsed.EventType);
        Assert.True(parsed.IsTranscription);
        Assert.Equal("220273", parsed.CallId);
        Assert.Null(parsed.ExtensionNumber);
        Assert.Null(parsed.Queue);
        Assert.Null(parsed.FromPhone);
        Assert.Null(parsed.ToPhone);
        Assert.StartsWith(" Doing full testing.", parsed.Transcription, StringComparison.Ordinal);
        Assert.EndsWith("And finish.", parsed.Transcription, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 2, 12, 19, 13, 17, TimeSpan.Zero), parsed.OccurredAt);
    }

    [Fact]
    public void Parse_MatchesNamesCaseInsensitively_WhenCasingDiffers()
    {
        var parsed = Parse("""{"eventtype":"callend","CALLID":"12","extensionNUMBER":"101","datetimestamp":"1/2/2025 3:04:05 AM"}""");

        Assert.Equal(EventTypes.CallEnd, parsed.EventType);
        Assert.Equal("12", parsed.CallId);
        Assert.Equal("101", parsed.ExtensionNumber);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), parsed.OccurredAt);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"na\"")]
    [InlineData("\"NA\"")]
    [InlineData("\" na \"")]
    [InlineData("\"   \"")]
    public void Parse_ReadsEmpty_WhenValueIsOneOfTheVendorsEmpties(string value)
    {
        var parsed = Parse($$"""{"EventType":"CallEnd","Queue":{{value}},"FromCallerID":{{value}}}""");

        Assert.Null(parsed.Queue);
        Assert.Null(parsed.FromCallerId);
        Assert.Empty(parsed.Problems);
    }

    [Fact]
    public void Parse_ReadsNumbersAsText_WhenCallIdIsANumber()
    {
        var parsed = Parse("""{"EventType":"CallRinging","CallID":287,"ExtensionNumber":100}""");

        Assert.Equal("287", parsed.CallId);
        Assert.Equal("100", parsed.ExtensionNumber);
    }

    [Fact]
    public void Parse_KeepsOtherFieldsAndReportsTheProblem_WhenDateDoesNotParse()
    {
        var parsed = Parse("""{"EventType":"CallEnd","CallID":"7","DateTimeStamp":"31/31/2025 9:00:00 PM"}""");

        Assert.Equal("7", parsed.CallId);
        Assert.Null(parsed.OccurredAt);
        Assert.Equal("31/31/2025 9:00:00 PM", parsed.DateTimeStampText);
        Assert.Contains(parsed.Problems, p => p.StartsWith("DateTimeStamp:", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ReportsAndSkipsAField_WhenItIsAnObject()
    {
        var parsed = Parse("""{"EventType":"CallEnd","CallID":{"id":7},"Queue":"Sales"}""");

        Assert.Null(parsed.CallId);
        Assert.Equal("Sales", parsed.Queue);
        Assert.Single(parsed.Problems);
    }

    [Fact]
    public void Parse_KeepsAnUnknownTypeAsSent_WhenTheVendorAddsOne()
    {
        var parsed = Parse("""{"EventType":"CallParked","CallID":"9","Extra":"kept in the raw body"}""");

        Assert.Equal("CallParked", parsed.EventType);
        Assert.False(parsed.IsCallEvent);
        Assert.False(parsed.IsTranscription);
    }

    [Fact]
    public void Parse_ReadsEveryField_WhenTheBodyStartsWithABom()
    {
        var body = JsonBody.Utf8Bom.ToArray().Concat(Encoding.UTF8.GetBytes(SeedPayloads.InboundConnected)).ToArray();

        var parsed = OneStreamEventParser.Parse(body);

        Assert.Equal(EventTypes.CallConnected, parsed.EventType);
        Assert.Equal("287", parsed.CallId);
        Assert.Empty(parsed.Problems);
    }

    [Fact]
    public void Parse_ReadsLatin1Text_WhenTheBodyIsNotUtf8()
    {
        var body = Encoding.Latin1.GetBytes("""{"EventType":"CallRinging","CallID":"12","FromCallerID":"José Müller"}""");

        var parsed = OneStreamEventParser.Parse(body);

        Assert.Equal(EventTypes.CallRinging, parsed.EventType);
        Assert.Equal("José Müller", parsed.FromCallerId);
        Assert.Empty(parsed.Problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"EventType\":")]
    [InlineData("not json")]
    public void Parse_ReportsAProblemInsteadOfThrowing_WhenBodyIsNotAnObject(string body)
    {
        var parsed = Parse(body);

        Assert.Null(parsed.EventType);
        Assert.NotEmpty(parsed.Problems);
    }
}
