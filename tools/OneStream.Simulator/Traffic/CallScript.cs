namespace OneStream.Simulator.Traffic;

/// <summary>One call's events before the phone system has given it an in-flight CallID.</summary>
internal sealed record CallScript(
    CallScenario Scenario,
    string NationalNumber,
    string? CallerName,
    string? Queue,
    IReadOnlyList<ScriptedEvent> Events)
{
    public DateTime StartsAt => Events.Min(e => e.At);

    public DateTime EndsAt => Events.Max(e => e.At);

    public bool IsOutbound => Scenario == CallScenario.Outbound;

    public TimeSpan? TalkTime =>
        Events.FirstOrDefault(e => e.EventType == OneStreamEventTypes.CallEnd) is { } end
            ? end.At - Events.Where(e => e.EventType == OneStreamEventTypes.CallConnected).Min(e => e.At)
            : null;

    /// <summary>The body 1stream sends for one of this call's events: the trunk sits on the PBX's side of the call.</summary>
    public OneStreamPayload Payload(ScriptedEvent scripted, string callId) => IsOutbound
        ? new(scripted.EventType, scripted.Extension, callId, CallCentre.Trunk, null, NationalNumber, "", scripted.At, "", "")
        : new(scripted.EventType, scripted.Extension, callId, CallCentre.E164(NationalNumber), CallerName, CallCentre.Trunk, "", scripted.At, Queue ?? "", "");
}

internal sealed record ScriptedEvent(string EventType, string Extension, DateTime At);
