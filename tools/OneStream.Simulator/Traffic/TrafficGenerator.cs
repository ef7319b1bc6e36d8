using System.Globalization;

namespace OneStream.Simulator.Traffic;

/// <summary>
/// Plans realistic 1stream traffic: the POSTs to send and the rows they should produce. Everything is drawn
/// from one seeded <see cref="Random"/>, so the same options give the same plan, byte for byte.
/// </summary>
public sealed class TrafficGenerator(TrafficOptions options)
{
    /// <summary>The permanent CallID of the first call of a plan, in the range of the vendor's example.</summary>
    public const int FirstPermanentCallId = 220273;

    /// <summary>The share of completed calls that get a transcription.</summary>
    private const double TranscribedShare = 0.4;

    // US evening traffic after midnight UTC, then the US business day; the PBX restarts in the quiet hours between.
    private static readonly TimeSpan EarlyWindowStart = TimeSpan.Zero;
    private static readonly TimeSpan EarlyWindowLength = TimeSpan.FromHours(4.5);
    private static readonly TimeSpan BusyWindowStart = TimeSpan.FromHours(13);
    private static readonly TimeSpan BusyWindowLength = new(10, 55, 0);
    private static readonly TimeSpan LastCallOfPlanStart = new(23, 56, 0);

    private static readonly (CallScenario Scenario, int Weight)[] ScenarioWeights =
    [
        (CallScenario.QueueAnswered, 35),
        (CallScenario.QueueTransferred, 10),
        (CallScenario.QueueMissed, 12),
        (CallScenario.DirectAnswered, 13),
        (CallScenario.DirectMissed, 5),
        (CallScenario.Outbound, 25),
    ];

    public TrafficPlan Generate()
    {
        options.Validate();
        var random = new Random(options.Seed);

        var calls = WriteCalls(random);
        var callIds = InFlightCallIds.Assign(calls);
        var rowKeys = RowKeys(calls, callIds);
        var expectedCalls = calls.Select((call, i) => ExpectedCallReader.Read(call, callIds[i], rowKeys[i])).ToArray();
        var transcripts = WriteTranscripts(random, calls);

        var events = new List<(DateTime At, string EventType, string CallId, string Extension, string Body, ExpectedCall? Call)>();
        for (var i = 0; i < calls.Length; i++)
        {
            foreach (var scripted in calls[i].Events)
            {
                var body = calls[i].Payload(scripted, callIds[i]).ToJson();
                events.Add((scripted.At, scripted.EventType, callIds[i], scripted.Extension, body, expectedCalls[i]));
            }
        }

        foreach (var (callId, at, text) in transcripts)
        {
            var payload = new OneStreamPayload(OneStreamEventTypes.TranscriptionReady, "na", callId, "", null, "", "", at, "na", text);
            events.Add((at, payload.EventType, callId, payload.ExtensionNumber, payload.ToJson(), null));
        }

        // 1stream posts events as they happen; a stable sort keeps a call's same-second events in order.
        var ordered = events.OrderBy(e => e.At).ToArray();
        var posts = PlanPosts(random, ordered.Select(e => (e.EventType, e.Body)).ToArray());
        var copies = new int[ordered.Length];
        foreach (var post in posts)
        {
            copies[post.EventIndex]++;
        }

        var plannedEvents = ordered
            .Select((e, i) => new PlannedEvent(i, e.EventType, e.CallId, e.Extension, e.At, e.Body, copies[i], e.Call?.PartitionKey, e.Call?.RowKey))
            .ToArray();
        var expectedTranscriptions = transcripts
            .Select(t => new ExpectedTranscription(t.CallId, t.At, t.Text, Array.FindIndex(ordered, e => e.Call is null && e.CallId == t.CallId)))
            .ToArray();
        return new TrafficPlan(posts, plannedEvents, expectedCalls, expectedTranscriptions);
    }

    /// <summary>The plan's calls in order of their start.</summary>
    private CallScript[] WriteCalls(Random random)
    {
        var starts = DrawStarts(random);
        var scenarios = DrawScenarios(random);
        var talksLong = new bool[options.Calls];

        // With every scenario present, let the last call that connects run past midnight: it must stay one row.
        if (options.Calls >= ScenarioWeights.Length)
        {
            var lastDay = starts.Max().Date;
            var lastConnecting = Enumerable.Range(0, options.Calls)
                .Where(i => starts[i].Date == lastDay && starts[i].TimeOfDay >= BusyWindowStart && Connects(scenarios[i]))
                .OrderByDescending(i => starts[i])
                .Cast<int?>()
                .FirstOrDefault();
            if (lastConnecting is { } index)
            {
                starts[index] = lastDay + LastCallOfPlanStart + TimeSpan.FromSeconds(random.Next(120));
                talksLong[index] = true;
            }
        }

        return Enumerable.Range(0, options.Calls)
            .OrderBy(i => starts[i])
            .ThenBy(i => i)
            .Select(i => CallScriptWriter.Write(random, scenarios[i], starts[i], talksLong[i]))
            .ToArray();
    }

    /// <summary>Start times spread over as many days as needed, a fifth of each day's calls in the early window.</summary>
    private DateTime[] DrawStarts(Random random)
    {
        var days = (options.Calls + TrafficOptions.CallsPerDay - 1) / TrafficOptions.CallsPerDay;
        var starts = new List<DateTime>(options.Calls);
        for (var day = 0; day < days; day++)
        {
            var date = options.Date.AddDays(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var count = options.Calls / days + (day < options.Calls % days ? 1 : 0);
            // At least one early call when there are two, so even a small plan reuses a CallID the same day.
            var early = count >= 2 ? Math.Max(1, (int)Math.Round(count * 0.2)) : 0;
            for (var i = 0; i < count; i++)
            {
                var (windowStart, windowLength) = i < early ? (EarlyWindowStart, EarlyWindowLength) : (BusyWindowStart, BusyWindowLength);
                starts.Add(date + windowStart + TimeSpan.FromSeconds(random.Next((int)windowLength.TotalSeconds)));
            }
        }

        return [.. starts];
    }

    /// <summary>Every scenario at least once when there are enough calls, the rest by weight, in random order.</summary>
    private CallScenario[] DrawScenarios(Random random)
    {
        var totalWeight = ScenarioWeights.Sum(w => w.Weight);
        var scenarios = new CallScenario[options.Calls];
        for (var i = 0; i < scenarios.Length; i++)
        {
            if (i < ScenarioWeights.Length)
            {
                scenarios[i] = ScenarioWeights[i].Scenario;
                continue;
            }

            var draw = random.Next(totalWeight);
            scenarios[i] = ScenarioWeights.First(w => (draw -= w.Weight) < 0).Scenario;
        }

        random.Shuffle(scenarios);
        return scenarios;
    }

    private static bool Connects(CallScenario scenario) =>
        scenario is not (CallScenario.QueueMissed or CallScenario.DirectMissed);

    /// <summary>CallID for the first call of an ID on a date, CallID-2, CallID-3 … for the later ones.</summary>
    private static string[] RowKeys(CallScript[] callsByStart, string[] callIds)
    {
        var seen = new Dictionary<(string Date, string CallId), int>();
        var rowKeys = new string[callIds.Length];
        for (var i = 0; i < callIds.Length; i++)
        {
            var key = (VendorTime.DateKey(callsByStart[i].StartsAt), callIds[i]);
            var number = seen[key] = seen.GetValueOrDefault(key) + 1;
            rowKeys[i] = number == 1 ? callIds[i] : $"{callIds[i]}-{number}";
        }

        return rowKeys;
    }

    /// <summary>
    /// Transcriptions of some completed calls, a few minutes after each ends, under the permanent CallID that the
    /// call log gives every call in the order calls finish.
    /// </summary>
    private List<(string CallId, DateTime At, string Text)> WriteTranscripts(Random random, CallScript[] calls)
    {
        var byEnd = calls.OrderBy(call => call.EndsAt).ToArray();
        var permanentIds = byEnd.Select((call, i) => (Call: call, Id: FirstPermanentCallId + i)).ToArray();
        var completed = permanentIds.Where(p => p.Call.TalkTime is not null).ToArray();
        var chosen = completed.Select(p => random.NextDouble() < TranscribedShare).ToArray();

        var wanted = options.LongTranscripts ? 2 : 0;
        for (var i = 0; i < completed.Length && chosen.Count(c => c) < wanted; i++)
        {
            chosen[i] = true;
        }

        var transcripts = new List<(int Id, DateTime At, int Length)>();
        for (var i = 0; i < completed.Length; i++)
        {
            if (chosen[i])
            {
                var talkSeconds = completed[i].Call.TalkTime!.Value.TotalSeconds;
                var length = (int)(talkSeconds * TranscriptWriter.CharactersPerSecond * (0.8 + (0.4 * random.NextDouble())));
                transcripts.Add((completed[i].Id, completed[i].Call.EndsAt.AddSeconds(random.Next(30, 241)), Math.Max(60, length)));
            }
        }

        // Too few completed calls for the long transcripts asked for: transcribe calls of later in the day.
        var lastEnd = byEnd[^1].EndsAt;
        while (transcripts.Count < wanted)
        {
            transcripts.Add((FirstPermanentCallId + calls.Length + transcripts.Count, lastEnd.AddMinutes(5 + transcripts.Count), 60));
        }

        transcripts.Sort((a, b) => a.At.CompareTo(b.At));
        if (options.LongTranscripts)
        {
            // Past the 48 KiB a queue message holds; one as long as a whole day's recording.
            for (var i = 0; i < Math.Min(3, transcripts.Count); i++)
            {
                transcripts[i] = transcripts[i] with { Length = i == 0 ? 300_000 : random.Next(50_000, 80_001) };
            }
        }

        return [.. transcripts.Select(t => (t.Id.ToString(CultureInfo.InvariantCulture), t.At, TranscriptWriter.Write(random, t.Length)))];
    }

    /// <summary>
    /// Every event once, in time order, plus 1stream's retries: byte-identical copies that arrive a few POSTs later
    /// (up to 4 retries per event in 1stream; one or two here).
    /// </summary>
    private PlannedPost[] PlanPosts(Random random, (string EventType, string Body)[] events)
    {
        var posts = new List<(double Order, int EventIndex, bool IsDuplicate)>(events.Length);
        for (var i = 0; i < events.Length; i++)
        {
            posts.Add((i, i, false));
            if (random.NextDouble() < options.DuplicateRate)
            {
                var retries = random.NextDouble() < 0.2 ? 2 : 1;
                for (var retry = 0; retry < retries; retry++)
                {
                    posts.Add((i + random.Next(1, 9) + 0.5, i, true));
                }
            }
        }

        return [.. posts
            .Select((post, created) => (post, created))
            .OrderBy(p => p.post.Order)
            .ThenBy(p => p.created)
            .Select((p, sequence) => new PlannedPost(sequence, p.post.EventIndex, events[p.post.EventIndex].EventType, events[p.post.EventIndex].Body, p.post.IsDuplicate))];
    }
}
