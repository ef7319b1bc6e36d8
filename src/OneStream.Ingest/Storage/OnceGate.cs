namespace OneStream.Ingest.Storage;

/// <summary>
/// Runs an idempotent set-up step (create a queue, container or table) once per process. A failed attempt is
/// not remembered, so the next caller tries again instead of every later call failing.
/// </summary>
public sealed class OnceGate
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _done;

    public async Task RunOnceAsync(Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await step(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _lock.Release();
        }
    }
}
