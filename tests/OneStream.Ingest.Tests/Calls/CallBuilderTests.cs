using Microsoft.Extensions.Options;
using OneStream.Ingest.Calls;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Calls;

public sealed class CallBuilderTests
{
    private static readonly DateTimeOffset At = new(2025, 2, 12, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = At.AddDays(1);

    private static CallBuilder Builder(CallOptions? options = null)
    {
        var wrapped = Options.Create(options ?? new CallOptions());
        return new CallBuilder(wrapped, new PhoneNumberFormatter(wrapped));
    }

    private static int _ids;

    private static CallEvent Event(string type, int seconds, string? extension = "101", string? from = "+15551234567", string? to = SeedPayloads.Trunk, string? queue = null) => new()
    {
        EventId = Interlocked.Increment(ref _ids).ToString("D64", System.Globalization.CultureInfo.InvariantCulture),
        EventType = type,
        OccurredAt = At.AddSeconds(seconds),
        ExtensionNumber = extension,
        FromPhone = from,
        ToPhone = to,
        Queue = queue,
    };

    [Theory]
    [InlineData("+15551234567", SeedPayloads.Trunk, "CallConnected", "Inbound")]
    [InlineData(SeedPayloads.Trunk, "5551234567", "CallConnected", "Outbound")]
    [InlineData("101", "102", "CallConnected", "Internal")]
    [InlineData(null, null, "CallConnected", "Unknown")]
    [InlineData(null, null, "CallRinging", "Inbound")]
    [InlineData(SeedPayloads.Trunk, SeedPayloads.Trunk, "CallConnected", "Unknown")]
    public void Build_ReadsTheDirection_FromTheTrunkSideAndRinging(string? from, string? to, string type, string direction)
    {
        var call = Assert.Single(Builder().Build("1", [Event(type, 0, from: from, to: to)], Now));

        Assert.Equal(direction, call.Direction);
    }

    [Theory]
    [InlineData("5551234567", "+15551234567")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("(555) 123-4567", "+15551234567")]
    [InlineData("101", "101")]
    [InlineData("anonymous", "anonymous")]
    public void Build_WritesTheExternalNumberInE164_WhenItReadsAsAPossibleNumber(string dialled, string expected)
    {
        var call = Assert.Single(Builder().Build("1", [Event("CallConnected", 0, from: SeedPayloads.Trunk, to: dialled)], Now));

        Assert.Equal(expected, call.ExternalNumber);
    }

    [Fact]
    public void Build_SplitsOnlyWhereEventsAreMoreThanCallGapApart()
    {
        var gap = new CallOptions().CallGap;
        var events = new[] { Event("CallRinging", 0), Event("CallRinging", (int)gap.TotalSeconds), Event("CallRinging", (int)gap.TotalSeconds * 2 + 1) };

        var calls = Builder().Build("9", events, Now);

        Assert.Equal([("2025-02-12", "9", 2), ("2025-02-12", "9-2", 1)], calls.Select(c => (c.PartitionKey, c.RowKey, c.EventCount)));
    }

    [Theory]
    [InlineData(299, "Ringing")]
    [InlineData(300, "Missed")]
    public void Build_MarksARingingCallMissed_WhenNoEventIsNewerThanMissedAfter(int secondsSinceLastEvent, string status)
    {
        var call = Assert.Single(Builder().Build("1", [Event("CallRinging", 0)], At.AddSeconds(secondsSinceLastEvent)));

        Assert.Equal(status, call.Status);
    }

    [Fact]
    public void Build_OrdersRungExtensionsByFirstRingThenExtension_AndCountsEveryRing()
    {
        var events = new[]
        {
            Event("CallRinging", 5, "103"), Event("CallRinging", 0, "102"), Event("CallRinging", 0, "101"),
            Event("CallRinging", 20, "102"), Event("CallConnected", 30, "103"), Event("CallConnected", 90, "101"),
        };

        var call = Assert.Single(Builder().Build("1", events, Now));

        Assert.Equal("101,102,103", call.ExtensionsRung);
        Assert.Equal(4, call.RingCount);
        Assert.Equal("103", call.Extension);
        Assert.Equal("103,101", call.ExtensionsConnected);
        Assert.Equal(30.0, call.WaitSeconds);
        Assert.Null(call.TalkSeconds);
        Assert.Equal(CallStatuses.Connected, call.Status);
    }

    [Fact]
    public void Build_GivesTheSameCalls_WhateverTheOrderOrDuplicationOfTheEvents()
    {
        var events = Enumerable.Range(0, 12).Select(i => Event(i % 3 == 0 ? "CallConnected" : "CallRinging", (i * 3600) % 40_000, (100 + (i % 4)).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var expected = Builder().Build("5", events, Now);
        var random = new Random(5);

        for (var i = 0; i < 20; i++)
        {
            var shuffled = events.Concat(events.Take(i % 5)).ToArray();
            random.Shuffle(shuffled);
            Assert.Equal(expected, Builder().Build("5", shuffled, Now));
        }
    }
}
