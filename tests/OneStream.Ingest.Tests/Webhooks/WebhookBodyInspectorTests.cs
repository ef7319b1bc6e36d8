using System.Text;
using OneStream.Ingest.Webhooks;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Webhooks;

public sealed class WebhookBodyInspectorTests
{
    private static (BodyVerdict Verdict, string? EventType) Inspect(string body) =>
        WebhookBodyInspector.Inspect(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Inspect_AcceptsEverySeedExample()
    {
        foreach (var payload in SeedPayloads.All)
        {
            Assert.Equal(BodyVerdict.Acceptable, Inspect(payload).Verdict);
        }
    }

    [Theory]
    [InlineData("""{"EventType":"CallEnd"}""", "CallEnd")]
    [InlineData("""{"eventtype":"CallRinging","x":[1,{"EventType":"nested"}]}""", "CallRinging")]
    [InlineData("""{"x":{"EventType":"nested"},"EVENTTYPE":" TranscriptionReady "}""", "TranscriptionReady")]
    [InlineData("""{"Event\u0054ype":"CallEnd"}""", "CallEnd")]
    [InlineData("""{"EventType":"SomethingNew"}""", "SomethingNew")]
    [InlineData("  \r\n{\"EventType\":\"CallEnd\"}\n ", "CallEnd")]
    public void Inspect_FindsTheTopLevelEventType_WhenPresent(string body, string expected)
    {
        var (verdict, eventType) = Inspect(body);

        Assert.Equal(BodyVerdict.Acceptable, verdict);
        Assert.Equal(expected, eventType);
    }

    [Fact]
    public void Inspect_AcceptsABodyWithAUtf8Bom()
    {
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("""{"EventType":"CallEnd"}""")).ToArray();

        Assert.Equal((BodyVerdict.Acceptable, "CallEnd"), WebhookBodyInspector.Inspect(body));
    }

    [Theory]
    [InlineData("", BodyVerdict.Empty)]
    [InlineData("   \n", BodyVerdict.Empty)]
    [InlineData("[]", BodyVerdict.NotJsonObject)]
    [InlineData("\"CallEnd\"", BodyVerdict.NotJsonObject)]
    [InlineData("EventType=CallEnd", BodyVerdict.NotJsonObject)]
    [InlineData("""{"EventType":"CallEnd" """, BodyVerdict.NotJsonObject)]
    [InlineData("""{"EventType":"CallEnd"}{"EventType":"CallEnd"}""", BodyVerdict.NotJsonObject)]
    [InlineData("""{"EventType":"CallEnd"} trailing""", BodyVerdict.NotJsonObject)]
    [InlineData("""{"EventType":"CallEnd",}""", BodyVerdict.NotJsonObject)]
    [InlineData("""{"CallID":"287"}""", BodyVerdict.MissingEventType)]
    [InlineData("""{"EventType":""}""", BodyVerdict.MissingEventType)]
    [InlineData("""{"EventType":"   "}""", BodyVerdict.MissingEventType)]
    [InlineData("""{"EventType":null}""", BodyVerdict.MissingEventType)]
    [InlineData("""{"EventType":42}""", BodyVerdict.MissingEventType)]
    [InlineData("""{"x":{"EventType":"CallEnd"}}""", BodyVerdict.MissingEventType)]
    public void Inspect_RefusesTheBody_WhenItIsNotAnObjectWithAnEventType(string body, BodyVerdict expected)
    {
        Assert.Equal(expected, Inspect(body).Verdict);
    }

    [Fact]
    public void Inspect_AcceptsAnotherEncodingInsideAString_SoALatin1CallerIdIsNotLost()
    {
        var body = Encoding.Latin1.GetBytes("""{"EventType":"CallEnd","FromCallerID":"José"}""");

        Assert.Equal((BodyVerdict.Acceptable, "CallEnd"), WebhookBodyInspector.Inspect(body));
    }
}
