using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Moq;
using OneStream.Ingest.Webhooks;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Webhooks;

public sealed class WebhookReceiverTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task ReceiveAsync_Answers200WithTheEnvelopeId_AfterTheMessageIsSent()
    {
        var harness = new ReceiverHarness();
        var body = Utf8(SeedPayloads.InboundConnected);

        var response = await harness.PostAsync(body);

        Assert.Equal(200, response.StatusCode);
        var (queue, message) = Assert.Single(harness.Sent);
        Assert.Equal(harness.Names.CallEventsQueue, queue);
        var envelope = WebhookEnvelopeSerializer.Deserialize(message);
        Assert.Equal(((WebhookResponse.AcceptedBody)response.Body).Id, envelope.Id);
        Assert.Equal(body, envelope.Body.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), envelope.Sha256);
        Assert.Equal("CallConnected", envelope.EventType);
        Assert.Equal(harness.Clock.GetUtcNow(), envelope.ReceivedAt);
        Assert.Equal(body.Length, envelope.BodyLength);
    }

    [Fact]
    public async Task ReceiveAsync_SendsMessagesThatNeverExpire()
    {
        var harness = new ReceiverHarness();

        await harness.PostAsync(Utf8(SeedPayloads.InboundEnd));

        harness.CallEvents.Verify(q => q.SendMessageAsync(It.IsAny<BinaryData>(), null, TimeSpan.FromSeconds(-1), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ReceiveAsync_RoutesTranscriptionsToTheirOwnQueue()
    {
        var harness = new ReceiverHarness();

        await harness.PostAsync(Utf8(SeedPayloads.TranscriptionReady));
        await harness.PostAsync(Utf8(SeedPayloads.InboundRinging));
        await harness.PostAsync(Utf8("""{"eventtype":"transcriptionready","CallID":"1"}"""));

        Assert.Equal(
            [harness.Names.TranscriptionsQueue, harness.Names.CallEventsQueue, harness.Names.TranscriptionsQueue],
            harness.Sent.Select(s => s.Queue));
    }

    [Fact]
    public async Task ReceiveAsync_AcceptsAndLogsAnUnknownEventType_SoNewVendorEventsAreKept()
    {
        var harness = new ReceiverHarness();

        var response = await harness.PostAsync(Utf8("""{"EventType":"CallParked","CallID":"5"}"""));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(harness.Names.CallEventsQueue, Assert.Single(harness.Sent).Queue);
        Assert.Contains(harness.Logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("CallParked", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("{\"EventType\":", "not a JSON object")]
    [InlineData("{\"CallID\":\"1\"}", "EventType")]
    [InlineData("{\"EventType\":\"\"}", "EventType")]
    public async Task ReceiveAsync_Answers400AndStoresNothing_WhenBodyIsBad(string body, string reasonContains)
    {
        var harness = new ReceiverHarness();

        var response = await harness.PostAsync(Utf8(body));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains(reasonContains, ((WebhookResponse.ErrorBody)response.Body).Error, StringComparison.Ordinal);
        Assert.Empty(harness.Sent);
        Assert.Empty(harness.Blobs);
    }

    [Fact]
    public async Task ReceiveAsync_Answers413_WhenTheBodyIsOverTheCap()
    {
        var harness = new ReceiverHarness(new ReceiverOptions { MaxBodyBytes = 2048 });
        var body = Utf8($$"""{"EventType":"TranscriptionReady","Transcription":"{{new string('a', 2048)}}"}""");

        var declared = await harness.PostAsync(body);
        var undeclared = await harness.Receiver.ReceiveAsync(new MemoryStream(body), contentLength: null, CancellationToken.None);

        Assert.Equal(413, declared.StatusCode);
        Assert.Equal(413, undeclared.StatusCode);
        Assert.Empty(harness.Sent);
    }

    [Fact]
    public async Task ReceiveAsync_Accepts_WhenTheBodyIsExactlyTheCap()
    {
        const string prefix = "{\"EventType\":\"CallEnd\",\"Pad\":\"";
        var body = Utf8(prefix + new string('x', 2048 - prefix.Length - 2) + "\"}");
        var harness = new ReceiverHarness(new ReceiverOptions { MaxBodyBytes = body.Length });

        Assert.Equal(200, (await harness.PostAsync(body)).StatusCode);
    }

    [Fact]
    public async Task ReceiveAsync_ClaimChecksTheBody_WhenTheMessageWouldBeTooLarge()
    {
        var harness = new ReceiverHarness();
        var body = Utf8($$"""{"EventType":"TranscriptionReady","CallID":"220273","Transcription":"{{new string('w', 60_000)}}"}""");

        var response = await harness.PostAsync(body);

        Assert.Equal(200, response.StatusCode);
        var envelope = WebhookEnvelopeSerializer.Deserialize(Assert.Single(harness.Sent).Message);
        Assert.NotNull(envelope.BodyBlob);
        Assert.StartsWith("incoming/2025/02/12/", envelope.BodyBlob, StringComparison.Ordinal);
        Assert.Equal(body, harness.Blobs[envelope.BodyBlob]);
        Assert.True(Assert.Single(harness.Sent).Message.Length < EnvelopePublisher.MaxInlineMessageBytes);
    }

    [Fact]
    public async Task ReceiveAsync_ClaimChecksTheBody_WhenItIsNotStrictUtf8()
    {
        var harness = new ReceiverHarness();
        var latin1 = Encoding.Latin1.GetBytes("""{"EventType":"CallEnd","FromCallerID":"José"}""");
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8(SeedPayloads.InboundEnd)).ToArray();

        Assert.Equal(200, (await harness.PostAsync(latin1)).StatusCode);
        Assert.Equal(200, (await harness.PostAsync(withBom)).StatusCode);

        var stored = harness.Sent.Select(s => WebhookEnvelopeSerializer.Deserialize(s.Message)).ToList();
        Assert.All(stored, e => Assert.NotNull(e.BodyBlob));
        Assert.Equal(latin1, harness.Blobs[stored[0].BodyBlob!]);
        Assert.Equal(withBom, harness.Blobs[stored[1].BodyBlob!]);
    }

    [Fact]
    public async Task ReceiveAsync_Answers503WithRetryAfter_WhenTheQueueThrows()
    {
        var harness = new ReceiverHarness(new ReceiverOptions { RetryAfterSeconds = 17 });
        harness.CallEvents.Setup(q => q.SendMessageAsync(It.IsAny<BinaryData>(), It.IsAny<TimeSpan?>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(500, "InternalError"));

        var response = await harness.PostAsync(Utf8(SeedPayloads.InboundEnd));

        Assert.Equal(503, response.StatusCode);
        Assert.Equal(17, response.RetryAfterSeconds);
        Assert.Contains(harness.Logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
    }

    [Fact]
    public async Task ReceiveAsync_Answers503_WhenTheQueueHangsPastTheTimeoutAndIgnoresCancellation()
    {
        var harness = new ReceiverHarness(new ReceiverOptions { EnqueueTimeout = TimeSpan.FromSeconds(10) });
        var never = new TaskCompletionSource<Response<SendReceipt>>();
        harness.CallEvents.Setup(q => q.SendMessageAsync(It.IsAny<BinaryData>(), It.IsAny<TimeSpan?>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .Returns(never.Task);

        var pending = harness.PostAsync(Utf8(SeedPayloads.InboundEnd));
        Assert.False(pending.IsCompleted);
        harness.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(pending.IsCompleted);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(503, response.StatusCode);
    }

    [Fact]
    public async Task ReceiveAsync_Answers503_WhenTheBlobWriteFailsForALargeBody()
    {
        var harness = new ReceiverHarness();
        harness.Container.Setup(c => c.GetBlobClient(It.IsAny<string>())).Throws(new RequestFailedException(403, "AuthorizationFailure"));
        var body = Utf8($$"""{"EventType":"TranscriptionReady","Transcription":"{{new string('w', 60_000)}}"}""");

        var response = await harness.PostAsync(body);

        Assert.Equal(503, response.StatusCode);
        Assert.Empty(harness.Sent);
    }

    [Fact]
    public async Task ReceiveAsync_NeverLogsThePayload_AboveDebug()
    {
        var harness = new ReceiverHarness();

        await harness.PostAsync(Utf8(SeedPayloads.TranscriptionReady));
        await harness.PostAsync(Utf8(SeedPayloads.InboundConnected));

        var logged = harness.Logger.Collector.GetSnapshot().Where(r => r.Level > LogLevel.Debug).ToList();
        Assert.NotEmpty(logged);
        Assert.DoesNotContain(logged, r => r.Message.Contains("Testing 1-2", StringComparison.Ordinal) || r.Message.Contains("5551234567", StringComparison.Ordinal));
    }

    [Fact]
    public void Ready_Answers200WithAStatus()
    {
        var response = new ReceiverHarness().Receiver.Ready();

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("\"status\":\"ready\"", response.ToJson(), StringComparison.Ordinal);
    }
}
