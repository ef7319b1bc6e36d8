using System.Text;
using System.Text.Json;
using OneStream.Ingest.Webhooks;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Webhooks;

public sealed class WebhookEnvelopeSerializerTests
{
    private static WebhookEnvelope Envelope(byte[] body) => new()
    {
        Id = "0193a5f0-0000-7000-8000-000000000001",
        ReceivedAt = new DateTimeOffset(2025, 2, 12, 19, 16, 28, 123, TimeSpan.Zero),
        Sha256 = "ab",
        EventType = "CallConnected",
        BodyLength = body.Length,
        Body = body,
    };

    [Fact]
    public void Deserialize_ReturnsTheExactBytes_WhenBodyTravelsInline()
    {
        var body = Encoding.UTF8.GetBytes(SeedPayloads.InboundConnected + "\n\t ");
        var original = Envelope(body);

        var roundTripped = WebhookEnvelopeSerializer.Deserialize(WebhookEnvelopeSerializer.Serialize(original));

        Assert.Equal(body, roundTripped.Body.ToArray());
        Assert.Equal(original.Id, roundTripped.Id);
        Assert.Equal(original.ReceivedAt, roundTripped.ReceivedAt);
        Assert.Equal(original.Sha256, roundTripped.Sha256);
        Assert.Equal(original.EventType, roundTripped.EventType);
        Assert.Equal(original.BodyLength, roundTripped.BodyLength);
        Assert.Null(roundTripped.BodyBlob);
    }

    [Fact]
    public void Serialize_EmbedsTheBodyAsJson_SoTheMessageIsReadable()
    {
        var message = WebhookEnvelopeSerializer.Serialize(Envelope(Encoding.UTF8.GetBytes(SeedPayloads.OutboundEnd)));

        using var document = JsonDocument.Parse(message);
        Assert.Equal("297", document.RootElement.GetProperty("body").GetProperty("CallID").GetString());
        Assert.Equal(1, document.RootElement.GetProperty("v").GetInt32());
    }

    [Fact]
    public void Deserialize_ReturnsTheBlobName_WhenClaimChecked()
    {
        var original = Envelope([]) with { BodyLength = 300_000, BodyBlob = "incoming/2025/02/12/x.json" };

        var roundTripped = WebhookEnvelopeSerializer.Deserialize(WebhookEnvelopeSerializer.Serialize(original));

        Assert.Equal("incoming/2025/02/12/x.json", roundTripped.BodyBlob);
        Assert.True(roundTripped.Body.IsEmpty);
        Assert.Equal(300_000, roundTripped.BodyLength);
    }

    [Fact]
    public void Deserialize_ReturnsTheBody_WhenItIsAsDeepAsTheReceiverAccepts()
    {
        var deep = "{\"EventType\":\"CallEnd\",\"x\":" + new string('[', 62) + new string(']', 62) + "}";
        var body = Encoding.UTF8.GetBytes(deep);
        Assert.Equal(BodyVerdict.Acceptable, WebhookBodyInspector.Inspect(body).Verdict);

        var roundTripped = WebhookEnvelopeSerializer.Deserialize(WebhookEnvelopeSerializer.Serialize(Envelope(body)));

        Assert.Equal(body, roundTripped.Body.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"v":2,"id":"a","receivedAt":"2025-02-12T19:16:28Z","sha256":"ab","eventType":"CallEnd","bodyLength":2,"body":{}}""")]
    [InlineData("""{"v":1,"receivedAt":"2025-02-12T19:16:28Z","sha256":"ab","eventType":"CallEnd","bodyLength":2,"body":{}}""")]
    [InlineData("""{"v":1,"id":"a","receivedAt":"2025-02-12T19:16:28Z","sha256":"ab","eventType":"CallEnd","bodyLength":2}""")]
    [InlineData("""{"v":1,"id":"a","receivedAt":"yesterday","sha256":"ab","eventType":"CallEnd","bodyLength":2,"body":{}}""")]
    public void Deserialize_ThrowsFormatException_WhenNotAnEnvelope(string message)
    {
        Assert.Throws<FormatException>(() => WebhookEnvelopeSerializer.Deserialize(Encoding.UTF8.GetBytes(message)));
    }
}
