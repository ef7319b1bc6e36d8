using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Webhooks;

namespace OneStream.Ingest.Tests.Webhooks;

/// <summary>A receiver whose storage clients are Moq seams, recording what was sent where.</summary>
internal sealed class ReceiverHarness
{
    public ReceiverHarness(ReceiverOptions? options = null)
    {
        Names = new StorageNames();
        CallEvents = QueueThatRecords(Names.CallEventsQueue);
        Transcriptions = QueueThatRecords(Names.TranscriptionsQueue);
        var queues = new Mock<QueueServiceClient>();
        queues.Setup(q => q.GetQueueClient(Names.CallEventsQueue)).Returns(CallEvents.Object);
        queues.Setup(q => q.GetQueueClient(Names.TranscriptionsQueue)).Returns(Transcriptions.Object);

        Container.Setup(c => c.GetBlobClient(It.IsAny<string>())).Returns((string name) =>
        {
            var blob = new Mock<BlobClient>();
            blob.Setup(b => b.UploadAsync(It.IsAny<BinaryData>(), It.IsAny<BlobUploadOptions>(), It.IsAny<CancellationToken>()))
                .Callback((BinaryData content, BlobUploadOptions _, CancellationToken _) => Blobs[name] = content.ToArray())
                .ReturnsAsync(Mock.Of<Response<BlobContentInfo>>());
            return blob.Object;
        });

        Receiver = new WebhookReceiver(
            new EnvelopePublisher(queues.Object, new PayloadStore(Container.Object), Options.Create(Names)),
            Options.Create(options ?? new ReceiverOptions()),
            Clock,
            Logger);
    }

    public StorageNames Names { get; }

    public Mock<QueueClient> CallEvents { get; }

    public Mock<QueueClient> Transcriptions { get; }

    public Mock<BlobContainerClient> Container { get; } = new();

    public Dictionary<string, byte[]> Blobs { get; } = [];

    public List<(string Queue, byte[] Message)> Sent { get; } = [];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 2, 12, 19, 16, 28, TimeSpan.Zero));

    public FakeLogger<WebhookReceiver> Logger { get; } = new();

    public WebhookReceiver Receiver { get; }

    public Task<WebhookResponse> PostAsync(byte[] body, long? contentLength = null) =>
        Receiver.ReceiveAsync(new MemoryStream(body), contentLength ?? body.Length, CancellationToken.None);

    private Mock<QueueClient> QueueThatRecords(string name)
    {
        var queue = new Mock<QueueClient>();
        queue.Setup(q => q.SendMessageAsync(It.IsAny<BinaryData>(), It.IsAny<TimeSpan?>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .Callback((BinaryData message, TimeSpan? _, TimeSpan? _, CancellationToken _) =>
            {
                lock (Sent)
                {
                    Sent.Add((name, message.ToArray()));
                }
            })
            .ReturnsAsync(Mock.Of<Response<SendReceipt>>());
        return queue;
    }
}
