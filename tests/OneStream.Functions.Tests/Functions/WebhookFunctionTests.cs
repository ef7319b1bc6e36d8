using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Mvc;
using OneStream.Ingest.Webhooks;
using OneStream.Testing;

namespace OneStream.Functions.Tests.Functions;

/// <summary>The HTTP function end to end against Azurite, with real ASP.NET Core request objects.</summary>
public sealed class WebhookFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static (int Status, JsonElement Body) Read(IActionResult result)
    {
        var content = Assert.IsType<ContentResult>(result);
        Assert.StartsWith("application/json", content.ContentType, StringComparison.Ordinal);
        return (content.StatusCode!.Value, JsonDocument.Parse(content.Content!).RootElement.Clone());
    }

    /// <summary>Reads messages as the queue trigger does: base64 text on the wire, decoded by the reader.</summary>
    private async Task<List<byte[]>> DrainRawAsync(string queueName)
    {
        var raw = new QueueClient(azurite.ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var messages = new List<byte[]>();
        if (!await raw.ExistsAsync())
        {
            return messages;
        }

        while (true)
        {
            var batch = (await raw.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                return messages;
            }

            foreach (var message in batch)
            {
                messages.Add(Convert.FromBase64String(message.Body.ToString()));
                await raw.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    [Fact]
    public async Task Run_EnqueuesTheExactBytes_InTheEncodingTheQueueTriggerExpects()
    {
        await using var host = new FunctionsHost(azurite.ConnectionString);
        var body = Utf8("  " + SeedPayloads.InboundConnected + "\r\n");

        var (status, answer) = Read(await host.Webhook.Run(FunctionsHost.Request("POST", body), CancellationToken.None));

        Assert.Equal(200, status);
        var envelope = WebhookEnvelopeSerializer.Deserialize(Assert.Single(await DrainRawAsync(host.Names.CallEventsQueue)));
        Assert.Equal(answer.GetProperty("id").GetString(), envelope.Id);
        Assert.Equal(body, envelope.Body.ToArray());
    }

    [Fact]
    public async Task Run_StoresA300KBTranscriptionWhole_ThroughTheClaimCheck()
    {
        await using var host = new FunctionsHost(azurite.ConnectionString);
        var text = string.Concat(Enumerable.Range(0, 6000).Select(i => $"Sentence {i} of a long call. "));
        var body = Utf8(SeedPayloads.TranscriptionReady.Replace("\"Transcription\": \" Doing", $"\"Transcription\": \"{text} Doing", StringComparison.Ordinal));
        Assert.True(body.Length > 150_000);

        var (status, _) = Read(await host.Webhook.Run(FunctionsHost.Request("POST", body), CancellationToken.None));

        Assert.Equal(200, status);
        var envelope = WebhookEnvelopeSerializer.Deserialize(Assert.Single(await DrainRawAsync(host.Names.TranscriptionsQueue)));
        Assert.NotNull(envelope.BodyBlob);
        var stored = await azurite.Blobs.GetBlobContainerClient(host.Names.PayloadContainer).GetBlobClient(envelope.BodyBlob).DownloadContentAsync();
        Assert.Equal(body, stored.Value.Content.ToArray());
        Assert.Equal(body.Length, envelope.BodyLength);
    }

    [Fact]
    public async Task Run_GivesFiftyMessages_ForFiftyConcurrentPosts()
    {
        await using var host = new FunctionsHost(azurite.ConnectionString);
        var bodies = Enumerable.Range(0, 50)
            .Select(i => Utf8(SeedPayloads.InboundRinging.Replace("\"100\"", $"\"{100 + i}\"", StringComparison.Ordinal)))
            .ToList();

        var results = await Task.WhenAll(bodies.Select(b => host.Webhook.Run(FunctionsHost.Request("POST", b), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(200, Read(r).Status));
        var ids = results.Select(r => Read(r).Body.GetProperty("id").GetString()!).ToHashSet();
        Assert.Equal(50, ids.Count);
        var envelopes = (await DrainRawAsync(host.Names.CallEventsQueue)).Select(m => WebhookEnvelopeSerializer.Deserialize(m)).ToList();
        Assert.Equal(50, envelopes.Count);
        Assert.Equal(ids, envelopes.Select(e => e.Id).ToHashSet());
        Assert.Equal(
            bodies.Select(Convert.ToBase64String).Order(),
            envelopes.Select(e => Convert.ToBase64String(e.Body.ToArray())).Order());
    }

    [Theory]
    [InlineData("", 400)]
    [InlineData("not json", 400)]
    [InlineData("[{\"EventType\":\"CallEnd\"}]", 400)]
    [InlineData("{\"CallID\":\"287\"}", 400)]
    public async Task Run_AnswersAJsonReasonAndEnqueuesNothing_WhenBodyIsBad(string body, int expected)
    {
        await using var host = new FunctionsHost(azurite.ConnectionString);

        var (status, answer) = Read(await host.Webhook.Run(FunctionsHost.Request("POST", Utf8(body)), CancellationToken.None));

        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("error").GetString()));
        Assert.Empty(await DrainRawAsync(host.Names.CallEventsQueue));
    }

    [Fact]
    public async Task Run_Answers413_WhenOverTheConfiguredCap()
    {
        await using var host = new FunctionsHost(azurite.ConnectionString, new Dictionary<string, string?> { ["OneStream:Receiver:MaxBodyBytes"] = "4096" });
        var body = Utf8($$"""{"EventType":"TranscriptionReady","Transcription":"{{new string('a', 5000)}}"}""");

        var (status, answer) = Read(await host.Webhook.Run(FunctionsHost.Request("POST", body), CancellationToken.None));

        Assert.Equal(413, status);
        Assert.Contains("4096", answer.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AnswersReady_WhenGet()
    {
        await using var host = new FunctionsHost(azurite.ConnectionString);

        var (status, answer) = Read(await host.Webhook.Run(FunctionsHost.Request("GET"), CancellationToken.None));

        Assert.Equal(200, status);
        Assert.Equal("ready", answer.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Run_Answers503WithRetryAfter_WhenStorageIsUnreachable()
    {
        // A loopback port nothing listens on: connections are refused at once.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var unreachable = $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{port}/{Azurite.AccountName};QueueEndpoint=http://127.0.0.1:{port}/{Azurite.AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{port}/{Azurite.AccountName};";
        await using var host = new FunctionsHost(unreachable, new Dictionary<string, string?> { ["OneStream:Receiver:EnqueueTimeout"] = "00:00:05" });
        var request = FunctionsHost.Request("POST", Utf8(SeedPayloads.InboundEnd));

        var (status, _) = Read(await host.Webhook.Run(request, CancellationToken.None));

        Assert.Equal(503, status);
        Assert.Equal("30", request.HttpContext.Response.Headers.RetryAfter.ToString());
    }
}
