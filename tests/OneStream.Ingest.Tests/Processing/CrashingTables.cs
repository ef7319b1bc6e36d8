using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>
/// Table clients that count every write (add, update, transaction) across all tables and make the process "die"
/// right after write number <see cref="CrashAfterWrite"/> has landed: the write is done, the exception goes up.
/// With no crash set they only count, which tells a test how many writes a clean run makes.
/// </summary>
internal sealed class CrashingTables : TableServiceClient
{
    private readonly TableServiceClient _inner;
    private int _writes;

    public CrashingTables(TableServiceClient inner, int? crashAfterWrite = null)
    {
        _inner = inner;
        CrashAfterWrite = crashAfterWrite;
    }

    public int? CrashAfterWrite { get; }

    public int Writes => Volatile.Read(ref _writes);

    public override TableClient GetTableClient(string tableName) => new Client(this, _inner.GetTableClient(tableName));

    private void Wrote()
    {
        if (Interlocked.Increment(ref _writes) == CrashAfterWrite)
        {
            throw new SimulatedCrashException();
        }
    }

    private sealed class Client(CrashingTables owner, TableClient inner) : TableClient
    {
        public override string Name => inner.Name;

        public override Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
            inner.CreateIfNotExistsAsync(cancellationToken);

        public override Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
            inner.GetEntityIfExistsAsync<T>(partitionKey, rowKey, select, cancellationToken);

        public override AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
            inner.QueryAsync<T>(filter, maxPerPage, select, cancellationToken);

        public override async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        {
            var response = await inner.AddEntityAsync(entity, cancellationToken);
            owner.Wrote();
            return response;
        }

        public override async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        {
            var response = await inner.UpdateEntityAsync(entity, ifMatch, mode, cancellationToken);
            owner.Wrote();
            return response;
        }

        public override async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
        {
            var response = await inner.SubmitTransactionAsync(transactionActions, cancellationToken);
            owner.Wrote();
            return response;
        }
    }
}

internal sealed class SimulatedCrashException() : Exception("Simulated crash after a write.");
