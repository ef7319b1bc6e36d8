namespace OneStream.Simulator.Traffic;

/// <summary>The four EventType values 1stream sends.</summary>
public static class OneStreamEventTypes
{
    public const string CallRinging = "CallRinging";
    public const string CallConnected = "CallConnected";
    public const string CallEnd = "CallEnd";
    public const string TranscriptionReady = "TranscriptionReady";
}
