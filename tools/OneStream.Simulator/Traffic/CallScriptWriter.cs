namespace OneStream.Simulator.Traffic;

/// <summary>Writes the events of one call of a given scenario, timed the way a 3CX queue and 1stream time them.</summary>
internal static class CallScriptWriter
{
    /// <summary>How long a queue rings its agents before it polls them again.</summary>
    private const int RingTimeoutSeconds = 20;

    public static CallScript Write(Random random, CallScenario scenario, DateTime startsAt, bool talksLong)
    {
        var number = CallCentre.NationalNumber(random);
        // Long enough to carry a call that starts just before midnight into the next day.
        var talk = TimeSpan.FromSeconds(talksLong ? random.Next(360, 901) : random.Next(45, 901));
        return scenario switch
        {
            CallScenario.QueueAnswered or CallScenario.QueueTransferred or CallScenario.QueueMissed =>
                Queued(random, scenario, startsAt, number, talk),
            CallScenario.DirectAnswered or CallScenario.DirectMissed => Direct(random, scenario, startsAt, number, talk),
            CallScenario.Outbound => Outbound(random, startsAt, number, talk),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
        };
    }

    private static CallScript Queued(Random random, CallScenario scenario, DateTime startsAt, string number, TimeSpan talk)
    {
        var queue = CallCentre.Queues[random.Next(CallCentre.Queues.Count)];
        var callerName = CallerName(random);
        var events = new List<ScriptedEvent>();
        var polls = scenario == CallScenario.QueueMissed ? random.Next(1, 5) : random.Next(1, 4);
        var pollStartsAt = startsAt;
        var lastRingAt = startsAt;
        string[] agents = [.. queue.Agents];
        for (var poll = 0; poll < polls; poll++)
        {
            // Every poll rings every agent, a second or two apart and in no fixed order, so rings share seconds.
            random.Shuffle(agents);
            var ringAt = pollStartsAt;
            foreach (var agent in agents)
            {
                events.Add(new(OneStreamEventTypes.CallRinging, agent, ringAt));
                lastRingAt = ringAt;
                ringAt = ringAt.AddSeconds(random.Next(0, 3));
            }

            pollStartsAt = pollStartsAt.AddSeconds(RingTimeoutSeconds + random.Next(2, 6));
        }

        if (scenario != CallScenario.QueueMissed)
        {
            var answeredBy = queue.Agents[random.Next(queue.Agents.Count)];
            var connectedAt = lastRingAt.AddSeconds(random.Next(2, 16));
            events.Add(new(OneStreamEventTypes.CallConnected, answeredBy, connectedAt));
            var onTheCall = answeredBy;
            var lastConnectedAt = connectedAt;
            if (scenario == CallScenario.QueueTransferred)
            {
                var others = CallCentre.TransferTargets.Where(extension => extension != answeredBy).ToArray();
                onTheCall = others[random.Next(others.Length)];
                lastConnectedAt = connectedAt.AddSeconds(random.Next(20, 301));
                events.Add(new(OneStreamEventTypes.CallConnected, onTheCall, lastConnectedAt));
            }

            events.Add(new(OneStreamEventTypes.CallEnd, onTheCall, lastConnectedAt + talk));
        }

        return new(scenario, number, callerName, queue.Name, events);
    }

    private static CallScript Direct(Random random, CallScenario scenario, DateTime startsAt, string number, TimeSpan talk)
    {
        var extension = CallCentre.DirectLines[random.Next(CallCentre.DirectLines.Count)];
        var callerName = CallerName(random);
        var events = new List<ScriptedEvent> { new(OneStreamEventTypes.CallRinging, extension, startsAt) };
        if (scenario == CallScenario.DirectAnswered)
        {
            var connectedAt = startsAt.AddSeconds(random.Next(4, 21));
            events.Add(new(OneStreamEventTypes.CallConnected, extension, connectedAt));
            events.Add(new(OneStreamEventTypes.CallEnd, extension, connectedAt + talk));
        }

        return new(scenario, number, callerName, null, events);
    }

    private static CallScript Outbound(Random random, DateTime startsAt, string number, TimeSpan talk)
    {
        // 1stream sends no CallRinging for outbound calls: the first it hears of one is the far side answering.
        var extension = CallCentre.Dialers[random.Next(CallCentre.Dialers.Count)];
        ScriptedEvent[] events =
        [
            new(OneStreamEventTypes.CallConnected, extension, startsAt),
            new(OneStreamEventTypes.CallEnd, extension, startsAt + talk),
        ];
        return new(CallScenario.Outbound, number, null, null, events);
    }

    /// <summary>Most carriers send no caller name; a few do.</summary>
    private static string? CallerName(Random random) =>
        random.Next(5) == 0 ? CallCentre.CallerNames[random.Next(CallCentre.CallerNames.Count)] : null;
}
