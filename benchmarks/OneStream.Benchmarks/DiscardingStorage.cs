using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace OneStream.Benchmarks;

/// <summary>Storage clients that accept and drop everything, so a benchmark measures our code and not the network.</summary>
internal sealed class DiscardingQueueService : QueueServiceClient
{
    public override QueueClient GetQueueClient(string queueName) => new DiscardingQueue();

    private sealed class DiscardingQueue : QueueClient
    {
        public override Task<Response> CreateIfNotExistsAsync(IDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<Response>(null!);

        public override Task<Response<SendReceipt>> SendMessageAsync(BinaryData message, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<Response<SendReceipt>>(null!);
    }
}

internal sealed class DiscardingContainer : BlobContainerClient
{
    public override BlobClient GetBlobClient(string blobName) => new DiscardingBlob();

    public override Task<Response<BlobContainerInfo>> CreateIfNotExistsAsync(PublicAccessType publicAccessType = PublicAccessType.None, IDictionary<string, string>? metadata = null, BlobContainerEncryptionScopeOptions? encryptionScopeOptions = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<Response<BlobContainerInfo>>(null!);

    private sealed class DiscardingBlob : BlobClient
    {
        public override Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions options, CancellationToken cancellationToken = default) =>
            Task.FromResult<Response<BlobContentInfo>>(null!);
    }
}
