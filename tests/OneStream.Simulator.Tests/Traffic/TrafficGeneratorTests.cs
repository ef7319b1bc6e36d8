using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OneStream.Simulator.Traffic;
using Xunit.Abstractions;

namespace OneStream.Simulator.Tests.Traffic;

public sealed partial class TrafficGeneratorTests(ITestOutputHelper output)
{
    private static readonly string[] SeedFieldOrder =
        ["EventType", "ExtensionNumber", "CallID", "FromPhone", "FromCallerID", "ToPhone", "ToCallerID", "DateTimeStamp", "Queue", "Transcription"];

    private static readonly TrafficOptions Options = new() { Calls = 60, Seed = 7, DuplicateRate = 0.2 };

    private static readonly TrafficPlan Plan = new TrafficGenerator(Options).Generate();

    [Fact]
    public void Generate_GivesTheSamePlan_ForTheSameSeed()
    {
        var again = new TrafficGenerator(Options).Generate();

        Assert.Equal(Plan.Posts, again.Posts);
        Assert.Equal(Plan.Events, again.Events);
        Assert.Equal(Plan.Calls, again.Calls);
        Assert.Equal(Plan.Transcriptions, again.Transcriptions);
    }

    [Fact]
    public void Generate_GivesAnotherPlan_ForAnotherSeed()
    {
        var other = new TrafficGenerator(Options with { Seed = 8 }).Generate();

        Assert.NotEqual(Plan.Posts.Select(p => p.Body), other.Posts.Select(p => p.Body));
    }

    [Fact]
    public void Generate_WritesTheSeedsTenFieldsInTheSeedsOrder_InEveryBody()
    {
        foreach (var post in Plan.Posts)
        {
            using var body = JsonDocument.Parse(post.Body);

            Assert.Equal(SeedFieldOrder, body.RootElement.EnumerateObject().Select(p => p.Name));
            foreach (var field in body.RootElement.EnumerateObject())
            {
                var kind = field.Name == "FromCallerID" ? field.Value.ValueKind : JsonValueKind.String;
                Assert.True(field.Value.ValueKind == kind, $"{field.Name} is {field.Value.ValueKind} in {post.Body}");
            }

            Assert.Equal(post.EventType, body.RootElement.GetProperty("EventType").GetString());
        }
    }

    [Fact]
    public void Generate_WritesDateTimeStampAsTheVendorDoes_InUtc()
    {
        foreach (var plannedEvent in Plan.Events)
        {
            var stamp = Field(plannedEvent.Body, "DateTimeStamp");

            Assert.Matches(VendorStamp(), stamp);
            Assert.Equal(plannedEvent.OccurredAt, VendorTime.Read(stamp));
            Assert.Equal(DateTimeKind.Utc, plannedEvent.OccurredAt.Kind);
        }

        Assert.Equal("2/12/2025 7:16:27 PM", VendorTime.Write(new DateTime(2025, 2, 12, 19, 16, 27, DateTimeKind.Utc)));
    }

    [Fact]
    public void Generate_SendsDuplicatesAsByteIdenticalCopiesOfAnEarlierPost()
    {
        var duplicates = Plan.Posts.Where(p => p.IsDuplicate).ToArray();

        Assert.NotEmpty(duplicates);
        foreach (var duplicate in duplicates)
        {
            var original = Assert.Single(Plan.Posts, p => !p.IsDuplicate && p.EventIndex == duplicate.EventIndex);
            Assert.True(original.Sequence < duplicate.Sequence);
            Assert.Equal(original.Body, duplicate.Body);
        }

        Assert.Equal(Plan.Posts.Count, Plan.Events.Sum(e => e.Copies));
        Assert.Equal(Plan.PostCount, Plan.DistinctEventCount + Plan.DuplicateCount);
        Assert.Equal(Enumerable.Range(0, Plan.PostCount), Plan.Posts.Select(p => p.Sequence));
    }

    [Fact]
    public void Generate_SendsNoDuplicates_WhenTheRateIsZero()
    {
        var plan = new TrafficGenerator(Options with { DuplicateRate = 0 }).Generate();

        Assert.DoesNotContain(plan.Posts, p => p.IsDuplicate);
        Assert.Equal(plan.DistinctEventCount, plan.PostCount);
    }

    [Fact]
    public void Generate_NeverWritesTheSameBodyForTwoDistinctEvents()
    {
        Assert.Equal(Plan.Events.Count, Plan.Events.Select(e => e.Body).Distinct().Count());
    }

    [Fact]
    public void Generate_RingsEveryAgentOfTheQueueAtEveryPoll()
    {
        var queueCalls = Plan.Calls.Where(c => c.Queue is not null).ToArray();

        Assert.Contains(queueCalls, c => c.RingCount > c.ExtensionsRung.Split(',').Length);
        foreach (var call in queueCalls)
        {
            var ringsByAgent = EventsOf(call).Where(e => e.EventType == OneStreamEventTypes.CallRinging)
                .GroupBy(e => e.ExtensionNumber)
                .ToDictionary(g => g.Key, g => g.Count());
            var agents = CallCentre.Queues.Single(q => q.Name == call.Queue).Agents;

            Assert.Equal(agents.Order(), ringsByAgent.Keys.Order());
            Assert.Single(ringsByAgent.Values.Distinct());
        }
    }

    [Fact]
    public void Generate_ReusesACallIdMoreThanSixHoursLater_OnTheSameDate()
    {
        var reuses = ReusesOf(Plan).ToArray();

        Assert.NotEmpty(reuses);
        Assert.All(reuses, r => Assert.True(r.Later.FirstEventAt - r.Earlier.LastEventAt > TimeSpan.FromHours(6), $"{r.Later.CallId} reused too soon"));
        Assert.Contains(Plan.Calls, c => c.RowKey == $"{c.CallId}-2" && Plan.Calls.Any(o => o.RowKey == c.CallId && o.PartitionKey == c.PartitionKey));
        Assert.All(Plan.Calls, c => Assert.InRange(int.Parse(c.CallId, System.Globalization.CultureInfo.InvariantCulture), 280, 400));
    }

    [Fact]
    public void Generate_KeepsReusedCallIdsApart_InALargePlanOverSeveralDays()
    {
        var stopwatch = Stopwatch.StartNew();
        var plan = new TrafficGenerator(new TrafficOptions { Calls = 1000, Seed = 3, DuplicateRate = 0.1 }).Generate();
        stopwatch.Stop();
        output.WriteLine($"1,000 calls: {plan.DistinctEventCount} events, {plan.PostCount} POSTs planned in {stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal(1000, plan.Calls.Count);
        Assert.Equal(10, plan.CallDates.Count);
        Assert.All(ReusesOf(plan), r => Assert.True(r.Later.FirstEventAt - r.Earlier.LastEventAt > TimeSpan.FromHours(6)));
        Assert.Equal(plan.Calls.Count, plan.Calls.Select(c => (c.PartitionKey, c.RowKey)).Distinct().Count());
    }

    [Fact]
    public void Generate_PutsTheTrunkInFromPhoneAndTheDialledNumberInToPhone_ForOutboundCalls()
    {
        var outbound = Plan.Events.Where(e => e.CallRowKey is not null && Call(e).Direction == CallDirection.Outbound).ToArray();

        Assert.NotEmpty(outbound);
        foreach (var plannedEvent in outbound)
        {
            Assert.Equal(CallCentre.Trunk, Field(plannedEvent.Body, "FromPhone"));
            Assert.Matches(DialledNumber(), Field(plannedEvent.Body, "ToPhone"));
            Assert.Equal("", Field(plannedEvent.Body, "Queue"));
            Assert.NotEqual(OneStreamEventTypes.CallRinging, plannedEvent.EventType);
            Assert.Equal("+1" + Field(plannedEvent.Body, "ToPhone"), Call(plannedEvent).ExternalNumber);
        }
    }

    [Fact]
    public void Generate_PutsTheCallerInFromPhoneAndTheTrunkInToPhone_ForInboundCalls()
    {
        var inbound = Plan.Events.Where(e => e.CallRowKey is not null && Call(e).Direction == CallDirection.Inbound).ToArray();

        Assert.NotEmpty(inbound);
        foreach (var plannedEvent in inbound)
        {
            Assert.Equal(CallCentre.Trunk, Field(plannedEvent.Body, "ToPhone"));
            Assert.Matches(FictionalE164(), Field(plannedEvent.Body, "FromPhone"));
            Assert.Equal(Call(plannedEvent).ExternalNumber, Field(plannedEvent.Body, "FromPhone"));
            Assert.Equal(Call(plannedEvent).Queue ?? "", Field(plannedEvent.Body, "Queue"));
        }
    }

    [Fact]
    public void Generate_ExpectsForEachCallWhatItsEventsSay()
    {
        foreach (var call in Plan.Calls)
        {
            var events = EventsOf(call);
            var rings = events.Where(e => e.EventType == OneStreamEventTypes.CallRinging).ToArray();
            var connects = events.Where(e => e.EventType == OneStreamEventTypes.CallConnected).OrderBy(e => e.OccurredAt).ToArray();
            var end = events.SingleOrDefault(e => e.EventType == OneStreamEventTypes.CallEnd);

            Assert.Equal(events.Length, call.EventCount);
            Assert.Equal(rings.Length, call.RingCount);
            Assert.Equal(events.Min(e => e.OccurredAt), call.FirstEventAt);
            Assert.Equal(events.Max(e => e.OccurredAt), call.LastEventAt);
            Assert.Equal(VendorTime.DateKey(call.FirstEventAt), call.PartitionKey);
            Assert.All(events, e => Assert.Equal(call.CallId, e.CallId));
            Assert.Equal(rings.Select(r => r.ExtensionNumber).Distinct().Order(), call.ExtensionsRung.Split(',', StringSplitOptions.RemoveEmptyEntries).Order());
            Assert.Equal(string.Join(',', connects.Select(c => c.ExtensionNumber)), call.ExtensionsConnected);
            Assert.Equal(connects.FirstOrDefault()?.ExtensionNumber, call.Extension);
            Assert.Equal(end is null ? CallStatus.Missed : CallStatus.Completed, call.Status);
            Assert.Equal(end?.OccurredAt, call.EndedAt);
            Assert.Equal(CallCentre.Trunk, call.TrunkDetail);
            if (call.ConnectedAt is { } connectedAt && call.FirstRingAt is { } firstRingAt)
            {
                Assert.Equal((int)(connectedAt - firstRingAt).TotalSeconds, call.WaitSeconds);
            }

            if (end is not null)
            {
                Assert.Equal((int)(end.OccurredAt - connects[0].OccurredAt).TotalSeconds, call.TalkSeconds);
            }
        }
    }

    [Fact]
    public void Generate_OrdersExtensionsRungByFirstRing_ThenByExtension()
    {
        foreach (var call in Plan.Calls.Where(c => c.RingCount > 0))
        {
            var firstRings = EventsOf(call).Where(e => e.EventType == OneStreamEventTypes.CallRinging)
                .GroupBy(e => e.ExtensionNumber)
                .Select(g => (Extension: g.Key, At: g.Min(e => e.OccurredAt)))
                .OrderBy(r => r.At).ThenBy(r => r.Extension, StringComparer.Ordinal);

            Assert.Equal(string.Join(',', firstRings.Select(r => r.Extension)), call.ExtensionsRung);
        }

        // Rings of different agents in the same second are the case the tie rule is for.
        Assert.Contains(Plan.Calls, c => EventsOf(c).Where(e => e.EventType == OneStreamEventTypes.CallRinging).GroupBy(e => e.OccurredAt).Any(g => g.Count() > 1));
    }

    [Fact]
    public void Generate_CoversEveryScenario_AndTransfersShowASecondConnectedExtension()
    {
        Assert.Equal(Enum.GetValues<CallScenario>(), Plan.Calls.Select(c => c.Scenario).Distinct().Order());
        Assert.All(Plan.Calls.Where(c => c.Scenario == CallScenario.QueueTransferred), c => Assert.Equal(2, c.ExtensionsConnected.Split(',').Length));
        Assert.All(Plan.Calls.Where(c => c.Status == CallStatus.Missed), c => Assert.Null(c.ConnectedAt));
    }

    [Fact]
    public void Generate_RunsACallPastMidnight_OnTheRowOfItsFirstDate()
    {
        var lastCall = Plan.Calls.MaxBy(c => c.FirstEventAt)!;

        Assert.True(lastCall.LastEventAt.Date > lastCall.FirstEventAt.Date);
        Assert.Equal(VendorTime.DateKey(lastCall.FirstEventAt), lastCall.PartitionKey);
        Assert.Contains(EventsOf(lastCall), e => e.PartitionKey != lastCall.PartitionKey);
    }

    [Fact]
    public void Generate_WritesTranscriptionsAsTheVendorDoes()
    {
        Assert.NotEmpty(Plan.Transcriptions);
        foreach (var transcription in Plan.Transcriptions)
        {
            var body = Plan.Events[transcription.EventIndex].Body;

            Assert.Equal(OneStreamEventTypes.TranscriptionReady, Field(body, "EventType"));
            Assert.Equal(transcription.CallId, Field(body, "CallID"));
            Assert.True(int.Parse(transcription.CallId, System.Globalization.CultureInfo.InvariantCulture) >= TrafficGenerator.FirstPermanentCallId);
            Assert.Equal("na", Field(body, "ExtensionNumber"));
            Assert.Equal("na", Field(body, "Queue"));
            Assert.Equal("", Field(body, "FromPhone"));
            Assert.Equal("", Field(body, "ToPhone"));
            Assert.Equal(transcription.Text, Field(body, "Transcription"));
            Assert.Equal(transcription.TranscribedAt, VendorTime.Read(Field(body, "DateTimeStamp")));
            Assert.StartsWith(" ", transcription.Text);
            Assert.InRange(Encoding.UTF8.GetByteCount(body), 0, 48 * 1024);
        }

        Assert.Equal(Plan.Transcriptions.Count, Plan.Transcriptions.Select(t => t.CallId).Distinct().Count());
    }

    [Fact]
    public void Generate_WritesTranscriptsOver48KiB_AndOneOf300000Characters_WhenAsked()
    {
        var plan = new TrafficGenerator(Options with { LongTranscripts = true }).Generate();

        var bodySizes = plan.Transcriptions.Select(t => Encoding.UTF8.GetByteCount(plan.Events[t.EventIndex].Body)).ToArray();
        Assert.True(bodySizes.Count(size => size > 48 * 1024) >= 2);
        Assert.Contains(plan.Transcriptions, t => t.TextLength is >= 300_000 and < 301_000);
        Assert.All(plan.Transcriptions, t => Assert.Equal(t.Text, Field(plan.Events[t.EventIndex].Body, "Transcription")));
    }

    [Fact]
    public void Generate_WritesLongTranscripts_EvenForASingleCall()
    {
        var plan = new TrafficGenerator(new TrafficOptions { Calls = 1, Seed = 1, LongTranscripts = true }).Generate();

        Assert.Contains(plan.Transcriptions, t => t.TextLength >= 300_000);
    }

    [Fact]
    public void Generate_UsesOnlyNumbersReservedForFiction()
    {
        Assert.All(Plan.Calls, c => Assert.Matches(FictionalE164(), c.ExternalNumber));
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(10, -0.1)]
    [InlineData(10, 1.5)]
    public void Generate_Throws_WhenOptionsAreOutOfRange(int calls, double duplicateRate)
    {
        var generator = new TrafficGenerator(new TrafficOptions { Calls = calls, DuplicateRate = duplicateRate });

        Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate());
    }

    private static PlannedEvent[] EventsOf(ExpectedCall call) =>
        [.. Plan.Events.Where(e => e.CallPartitionKey == call.PartitionKey && e.CallRowKey == call.RowKey)];

    private static ExpectedCall Call(PlannedEvent plannedEvent) =>
        Plan.Calls.Single(c => c.PartitionKey == plannedEvent.CallPartitionKey && c.RowKey == plannedEvent.CallRowKey);

    private static IEnumerable<(ExpectedCall Earlier, ExpectedCall Later)> ReusesOf(TrafficPlan plan) =>
        plan.Calls.GroupBy(c => c.CallId)
            .SelectMany(g => g.OrderBy(c => c.FirstEventAt).Zip(g.OrderBy(c => c.FirstEventAt).Skip(1)));

    private static string Field(string body, string name)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty(name).GetString()!;
    }

    [GeneratedRegex(@"^(1[0-2]|[1-9])/([1-9]|[12][0-9]|3[01])/\d{4} (1[0-2]|[1-9]):[0-5]\d:[0-5]\d (AM|PM)$")]
    private static partial Regex VendorStamp();

    [GeneratedRegex(@"^\d{3}55501\d{2}$")]
    private static partial Regex DialledNumber();

    [GeneratedRegex(@"^\+1\d{3}55501\d{2}$")]
    private static partial Regex FictionalE164();
}
