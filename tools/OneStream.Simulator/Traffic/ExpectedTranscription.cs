namespace OneStream.Simulator.Traffic;

/// <summary>What the OneStreamTranscriptions row of one permanent CallID should hold.</summary>
/// <param name="CallId">The permanent CallID (220273 and up), also the row's PartitionKey.</param>
/// <param name="Text">The whole transcript, exactly as sent.</param>
/// <param name="EventIndex">The TranscriptionReady event, an index into <see cref="TrafficPlan.Events"/>.</param>
public sealed record ExpectedTranscription(string CallId, DateTime TranscribedAt, string Text, int EventIndex)
{
    public string PartitionKey => CallId;

    public int TextLength => Text.Length;
}
