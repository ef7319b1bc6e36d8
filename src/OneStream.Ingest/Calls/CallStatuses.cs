namespace OneStream.Ingest.Calls;

/// <summary>The values of OneStreamCalls.Status.</summary>
public static class CallStatuses
{
    public const string Ringing = "Ringing";
    public const string Connected = "Connected";
    public const string Completed = "Completed";
    public const string Missed = "Missed";
}
