namespace OneStream.Simulator.Sending;

/// <summary>Counters a sender updates as POSTs finish, read by whoever shows progress.</summary>
public sealed class SendProgress
{
    private int _completed;
    private int _failed;

    public int Completed => Volatile.Read(ref _completed);

    public int Failed => Volatile.Read(ref _failed);

    internal void Record(PostResult result)
    {
        if (!result.Succeeded)
        {
            Interlocked.Increment(ref _failed);
        }

        Interlocked.Increment(ref _completed);
    }
}
