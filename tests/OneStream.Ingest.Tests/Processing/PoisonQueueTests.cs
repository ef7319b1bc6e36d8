using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OneStream.Ingest.Processing;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Webhooks;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>
/// Issue 3, point 6, on the real queue path: the WebJobs SDK's queue listener (the one the Functions host runs for
/// [QueueTrigger]) with host.json's maxDequeueCount and encoding, against Azurite. A message the processor can never
/// handle is tried maxDequeueCount times and parked in the -poison queue; the good message next to it is applied.
/// </summary>
public sealed class PoisonQueueTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task QueueListener_MovesAMessageToThePoisonQueueAfterMaxDequeueCount_AndAppliesTheOthers()
    {
        var names = AzuriteFixture.UniqueNames();
        var queues = azurite.Queues;
        var queue = queues.GetQueueClient(names.CallEventsQueue);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(new BinaryData("this is not an envelope"u8.ToArray()));
        await queue.SendMessageAsync(new BinaryData(GoodMessage()));
        var settings = HostJsonQueues();
        Assert.Equal("base64", settings.GetProperty("messageEncoding").GetString());
        var maxDequeueCount = settings.GetProperty("maxDequeueCount").GetInt32();

        using var host = Host(names, maxDequeueCount);
        await host.StartAsync();
        try
        {
            var poison = queues.GetQueueClient(StorageNames.PoisonQueueOf(names.CallEventsQueue));
            var parked = await WaitForAsync(async () =>
                await poison.ExistsAsync() && (await poison.PeekMessagesAsync(1)).Value is [var message] ? message : null);

            Assert.Equal("this is not an envelope", parked.Body.ToString());
            Assert.Equal(maxDequeueCount, Attempts);
            var calls = azurite.Tables.GetTableClient(names.CallsTable);
            var call = await WaitForAsync(async () => await calls.QueryAsync<TableEntity>().FirstOrDefaultAsync());
            Assert.Equal("287", call.GetString("CallId"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>How many times the listener handed the bad message to the processor.</summary>
    private static int Attempts => CallEventsJob.FailedAttempts;

    private IHost Host(StorageNames names, int maxDequeueCount)
    {
        var values = new Dictionary<string, string?> { [StorageConnection.DefaultName] = azurite.ConnectionString };
        foreach (var property in typeof(StorageNames).GetProperties())
        {
            values[$"{StorageNames.SectionName}:{property.Name}"] = (string)property.GetValue(names)!;
        }

        CallEventsJob.FailedAttempts = 0;
        return new HostBuilder()
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(values))
            .ConfigureWebJobs(webJobs => webJobs.AddAzureStorageQueues(options =>
            {
                options.MaxDequeueCount = maxDequeueCount;
                options.MessageEncoding = QueueMessageEncoding.Base64;
                options.BatchSize = 16;
                // host.json waits 30 s between tries (a backoff for real outages); the test does not.
                options.VisibilityTimeout = TimeSpan.Zero;
                options.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
            }))
            .ConfigureServices((context, services) =>
            {
                services.AddOneStream(context.Configuration);
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(ProcessorHost.DefaultNow));
                services.AddSingleton<ITypeLocator>(new JobTypes(typeof(CallEventsJob)));
            })
            .Build();
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(Stopwatch.GetElapsedTime(started) < Patience, "The condition did not come true in time.");
            await Task.Delay(100);
        }
    }

    private static JsonElement HostJsonQueues()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "host.json")))
        {
            directory = directory.Parent;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.FullName, "host.json")));
        return document.RootElement.GetProperty("extensions").GetProperty("queues").Clone();
    }

    private static byte[] GoodMessage()
    {
        var body = Encoding.UTF8.GetBytes(SeedPayloads.InboundRinging);
        return WebhookEnvelopeSerializer.Serialize(new WebhookEnvelope
        {
            Id = "good",
            ReceivedAt = ProcessorHost.DefaultNow,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(body)),
            EventType = "CallRinging",
            BodyLength = body.Length,
            Body = body,
        });
    }

    private sealed class JobTypes(params Type[] types) : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => types;
    }
}

/// <summary>The same thin adapter as the Functions app's, in the WebJobs SDK's terms.</summary>
public sealed class CallEventsJob(WebhookProcessor processor)
{
    private static int _failedAttempts;

    public static int FailedAttempts
    {
        get => Volatile.Read(ref _failedAttempts);
        set => Volatile.Write(ref _failedAttempts, value);
    }

    [FunctionName("ProcessCallEvent")]
    public async Task RunAsync([QueueTrigger("%OneStream:Storage:CallEventsQueue%", Connection = StorageConnection.DefaultName)] QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await processor.ProcessAsync(message.Body.ToMemory(), message.MessageId, message.DequeueCount, cancellationToken);
        }
        catch (FormatException)
        {
            Interlocked.Increment(ref _failedAttempts);
            throw;
        }
    }
}
