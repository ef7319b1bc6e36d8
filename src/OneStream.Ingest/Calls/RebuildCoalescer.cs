namespace OneStream.Ingest.Calls;

/// <summary>
/// Lets rebuilds of the same call key take turns in this process and share work: a request is covered by any
/// later-starting run that succeeds, because such a run reads the index after the request's event was indexed.
/// A queue call's burst of rings (one per agent per poll, all in one batch) then costs one or two rebuilds
/// instead of one each, and the process does not spend storage round trips racing itself.
/// </summary>
internal sealed class RebuildCoalescer<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Slot> _slots = [];
    private readonly Lock _lock = new();

    /// <returns>What <paramref name="run"/> returned, or 0 when a run of another request covered this one.</returns>
    public async Task<int> RunAsync(TKey key, Func<CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        Slot slot;
        long ticket;
        lock (_lock)
        {
            if (!_slots.TryGetValue(key, out slot!))
            {
                slot = new Slot();
                _slots[key] = slot;
            }

            slot.Users++;
            ticket = ++slot.Requested;
        }

        try
        {
            await slot.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (slot.CoveredUpTo >= ticket)
                {
                    return 0;
                }

                long upTo;
                lock (_lock)
                {
                    upTo = slot.Requested;
                }

                var result = await run(cancellationToken).ConfigureAwait(false);
                slot.CoveredUpTo = upTo;
                return result;
            }
            finally
            {
                slot.Turn.Release();
            }
        }
        finally
        {
            lock (_lock)
            {
                if (--slot.Users == 0)
                {
                    _slots.Remove(key);
                    slot.Turn.Dispose();
                }
            }
        }
    }

    private sealed class Slot
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        /// <summary>Tickets handed out so far; a request's ticket is taken after its event is indexed.</summary>
        public long Requested { get; set; }

        /// <summary>Every ticket up to this was handed out before a run that has since succeeded began.</summary>
        public long CoveredUpTo { get; set; }

        public int Users { get; set; }
    }
}
