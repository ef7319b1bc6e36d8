using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace OneStream.Ingest.Storage;

/// <summary>
/// Blobs for what is too large for a queue message or a table property. <c>incoming/</c> holds bodies in transit
/// from receiver to processor (a lifecycle rule may expire them); <c>stored/</c> holds what table rows point at
/// and is kept.
/// </summary>
public sealed class PayloadStore(BlobContainerClient container)
{
    public const string IncomingPrefix = "incoming/";
    public const string StoredPrefix = "stored/";

    private readonly OnceGate _created = new();

    public BlobContainerClient Container => container;

    /// <summary>Writes a blob, overwriting: names are derived from content or delivery ids, so a rewrite is the same bytes.</summary>
    public async Task WriteAsync(string blobName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        await container.GetBlobClient(blobName)
            .UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <exception cref="RequestFailedException">The blob does not exist (404) or storage failed.</exception>
    public async Task<ReadOnlyMemory<byte>> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        var result = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return result.Value.Content.ToMemory();
    }

    public Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        _created.RunOnceAsync(ct => container.CreateIfNotExistsAsync(cancellationToken: ct), cancellationToken);
}
