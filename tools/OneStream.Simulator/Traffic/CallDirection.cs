namespace OneStream.Simulator.Traffic;

/// <summary>Direction values of the OneStreamCalls table.</summary>
public static class CallDirection
{
    public const string Inbound = "Inbound";
    public const string Outbound = "Outbound";
}
