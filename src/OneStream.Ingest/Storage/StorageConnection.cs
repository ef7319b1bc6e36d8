using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace OneStream.Ingest.Storage;

/// <summary>
/// Creates the storage clients from the same connection setting the Functions host uses for its triggers
/// (<c>AzureWebJobsStorage</c>): a connection string locally, identity-based settings in Azure
/// (<c>__queueServiceUri</c>, <c>__blobServiceUri</c>, <c>__tableServiceUri</c> or <c>__accountName</c>,
/// with <c>__credential</c> and <c>__clientId</c>), so the deployed app holds no key.
/// </summary>
public sealed class StorageConnection
{
    public const string DefaultName = "AzureWebJobsStorage";

    private readonly string? _connectionString;
    private readonly Uri? _queueServiceUri;
    private readonly Uri? _blobServiceUri;
    private readonly Uri? _tableServiceUri;
    private readonly TokenCredential? _credential;

    private StorageConnection(string? connectionString, Uri? queues, Uri? blobs, Uri? tables, TokenCredential? credential)
    {
        _connectionString = connectionString;
        _queueServiceUri = queues;
        _blobServiceUri = blobs;
        _tableServiceUri = tables;
        _credential = credential;
    }

    public static StorageConnection FromConnectionString(string connectionString) =>
        new(connectionString, null, null, null, null);

    /// <exception cref="InvalidOperationException">The setting is missing or names no endpoint.</exception>
    public static StorageConnection FromConfiguration(IConfiguration configuration, AzureComponentFactory componentFactory, string name = DefaultName)
    {
        var section = configuration.GetSection(name);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        var accountName = section["accountName"];
        Uri? Endpoint(string key, string service) =>
            section[key] is { Length: > 0 } uri ? new Uri(uri)
            : accountName is { Length: > 0 } ? new Uri($"https://{accountName}.{service}.core.windows.net")
            : null;

        var queues = Endpoint("queueServiceUri", "queue");
        var blobs = Endpoint("blobServiceUri", "blob");
        var tables = Endpoint("tableServiceUri", "table");
        if (queues is null || blobs is null || tables is null)
        {
            throw new InvalidOperationException(
                $"Storage setting '{name}' is missing: set it to a connection string, or set {name}__queueServiceUri, " +
                $"{name}__blobServiceUri and {name}__tableServiceUri (or {name}__accountName) with {name}__credential.");
        }

        return new StorageConnection(null, queues, blobs, tables, componentFactory.CreateTokenCredential(section));
    }

    /// <summary>Messages are base64 on the wire, matching host.json's <c>extensions.queues.messageEncoding</c>.</summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null)
    {
        options ??= new QueueClientOptions();
        options.MessageEncoding = QueueMessageEncoding.Base64;
        return _connectionString is not null
            ? new QueueServiceClient(_connectionString, options)
            : new QueueServiceClient(_queueServiceUri, _credential, options);
    }

    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        _connectionString is not null
            ? new BlobServiceClient(_connectionString, options)
            : new BlobServiceClient(_blobServiceUri, _credential, options);

    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) =>
        _connectionString is not null
            ? new TableServiceClient(_connectionString, options)
            : new TableServiceClient(_tableServiceUri, _credential, options);
}
