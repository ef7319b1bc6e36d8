using Azure;

namespace OneStream.Ingest.Storage;

/// <summary>
/// Read, decide, write conditionally, and start over when another writer got there first (409 on an add,
/// 412 on an ETag-conditional update or delete). Each attempt re-reads, so no update is lost.
/// </summary>
public static class OptimisticConcurrency
{
    /// <summary>After this many lost races the error goes up, and the queue retries the message later.</summary>
    public const int MaxAttempts = 64;

    public static bool IsConflict(RequestFailedException exception) => exception.Status is 409 or 412;

    public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (IsConflict(ex) && number < MaxAttempts)
            {
                // A short random pause spreads writers that keep colliding on one row; the first retry is at once.
                if (number > 1)
                {
                    var ceiling = Math.Min(1 << Math.Min(number, 6), 50);
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(ceiling)), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Inserts unless a row with the same keys exists; true when this call inserted it.</summary>
    public static async Task<bool> AddIfAbsentAsync(Azure.Data.Tables.TableClient table, Azure.Data.Tables.ITableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}
