using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStream.Functions.Functions;
using OneStream.Ingest;
using OneStream.Ingest.Storage;
using OneStream.Ingest.Webhooks;
using OneStream.Testing;

namespace OneStream.Functions.Tests.Functions;

/// <summary>
/// The queue and timer functions as the worker runs them: bound to the settings the app has, handing the message
/// to the processor, and letting every failure go back to the host (which retries, then poisons).
/// </summary>
public sealed class QueueFunctionsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RunAsync_WritesTheEvent_WhenTheMessageIsAnEnvelope()
    {
        await using var services = Services(out var names);
        var body = Encoding.UTF8.GetBytes(SeedPayloads.InboundRinging);
        var message = Message(WebhookEnvelopeSerializer.Serialize(new WebhookEnvelope
        {
            Id = "post-1",
            ReceivedAt = DateTimeOffset.UtcNow,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(body)),
            EventType = "CallRinging",
            BodyLength = body.Length,
            Body = body,
        }), dequeueCount: 1);

        await services.GetRequiredService<CallEventsFunction>().RunAsync(message, CancellationToken.None);

        var calls = await azurite.Tables.GetTableClient(names.CallsTable).QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal("287", Assert.Single(calls).GetString("CallId"));
    }

    [Fact]
    public async Task RunAsync_LetsTheFailureGoToTheHost_WhenAMessageCannotBeProcessed()
    {
        await using var services = Services(out _);
        var garbage = Message("this is not an envelope"u8.ToArray(), dequeueCount: 5);

        await Assert.ThrowsAsync<FormatException>(() => services.GetRequiredService<CallEventsFunction>().RunAsync(garbage, CancellationToken.None));
        await Assert.ThrowsAsync<FormatException>(() => services.GetRequiredService<TranscriptionsFunction>().RunAsync(garbage, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_Sweeps_WhenTheTimerFires()
    {
        await using var services = Services(out _);

        await services.GetRequiredService<MissedCallSweepFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
    }

    [Theory]
    [InlineData(typeof(CallEventsFunction), "%OneStream:Storage:CallEventsQueue%", nameof(StorageNames.CallEventsQueue))]
    [InlineData(typeof(TranscriptionsFunction), "%OneStream:Storage:TranscriptionsQueue%", nameof(StorageNames.TranscriptionsQueue))]
    public void QueueTrigger_NamesTheQueueSetting_AndTheHostsStorageConnection(Type function, string queueName, string option)
    {
        var trigger = function.GetMethod("RunAsync")!.GetParameters()[0].GetCustomAttribute<QueueTriggerAttribute>()!;

        Assert.Equal(queueName, trigger.QueueName);
        Assert.Equal($"%{StorageNames.SectionName}:{option}%", trigger.QueueName);
        Assert.Equal(StorageConnection.DefaultName, trigger.Connection);
    }

    private static QueueMessage Message(byte[] body, long dequeueCount) =>
        QueuesModelFactory.QueueMessage("message-1", "pop", new BinaryData(body), dequeueCount);

    private ServiceProvider Services(out StorageNames names)
    {
        names = AzuriteFixture.UniqueNames();
        var values = new Dictionary<string, string?> { [StorageConnection.DefaultName] = azurite.ConnectionString };
        foreach (var property in typeof(StorageNames).GetProperties())
        {
            values[$"{StorageNames.SectionName}:{property.Name}"] = (string)property.GetValue(names)!;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddOneStream(configuration)
            .AddTransient<CallEventsFunction>()
            .AddTransient<TranscriptionsFunction>()
            .AddTransient<MissedCallSweepFunction>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
