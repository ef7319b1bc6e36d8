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

    /// <summary>
    /// Also a lost race where rows are deleted: an ETag-conditional update or delete of a row that another writer
    /// deleted since it was read answers 404 (ResourceNotFound), not 412.
    /// </summary>
    public static bool IsConflictOrGone(RequestFailedException exception) =>
        IsConflict(exception) || (exception.Status == 404 && exception.ErrorCode != "TableNotFound");

    public static Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken) =>
        RetryAsync(attempt, IsConflict, cancellationToken);

    public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, Func<RequestFailedException, bool> isConflict, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (isConflict(ex) && number < MaxAttempts)
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
