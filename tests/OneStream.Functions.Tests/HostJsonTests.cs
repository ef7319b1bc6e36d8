using System.Text.Json;
using OneStream.Functions.Functions;

namespace OneStream.Functions.Tests;

public sealed class HostJsonTests
{
    private static JsonElement HostJson()
    {
        // The Functions project links the root host.json into its output; read that copy, the one deployed.
        var output = Path.GetDirectoryName(typeof(WebhookFunction).Assembly.Location)!;
        var path = Path.Combine(output, "host.json");
        Assert.True(File.Exists(path), $"host.json is not in the build output ({output}).");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    [Fact]
    public void HostJson_IsInTheBuildOutput_WithTheQueueEncodingTheReceiverWrites()
    {
        var queues = HostJson().GetProperty("extensions").GetProperty("queues");

        // StorageConnection sends base64; WebhookFunctionTests decodes what Azurite holds as base64 to prove it.
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
    }

    [Fact]
    public void HostJson_SetsAPoisonThreshold()
    {
        var queues = HostJson().GetProperty("extensions").GetProperty("queues");

        Assert.InRange(queues.GetProperty("maxDequeueCount").GetInt32(), 3, 10);
    }
}
