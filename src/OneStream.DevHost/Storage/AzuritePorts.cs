namespace OneStream.DevHost.Storage;

/// <summary>The emulator's three ports. 0 asks the OS for any free port.</summary>
public sealed record AzuritePorts(int Blob, int Queue, int Table)
{
    /// <summary>Where <c>UseDevelopmentStorage=true</c> and Storage Explorer's "Local emulator" look.</summary>
    public static AzuritePorts WellKnown { get; } = new(10000, 10001, 10002);

    public static AzuritePorts Any { get; } = new(0, 0, 0);

    public IEnumerable<int> All => [Blob, Queue, Table];
}
