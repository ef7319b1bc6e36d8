namespace OneStream.Ingest.Calls;

/// <summary>The values of OneStreamCalls.Direction.</summary>
public static class CallDirections
{
    public const string Inbound = "Inbound";
    public const string Outbound = "Outbound";
    public const string Internal = "Internal";
    public const string Unknown = "Unknown";
}
