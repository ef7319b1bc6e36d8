using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OneStream.Ingest.Events;
using OneStream.Testing;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>Logs say which event and call they are about, and never carry phone numbers or transcript text above Debug.</summary>
public sealed class ProcessingLogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ProcessAsync_LogsInAScopeWithTheEventIdTypeAndCallId_WithoutPersonalData()
    {
        await using var host = new ProcessorHost(azurite, configure: services => services.AddFakeLogging().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug)));
        var at = new DateTimeOffset(2025, 2, 12, 19, 16, 6, TimeSpan.Zero);
        const string Secret = " The customer's card number is 4111 1111 1111 1111.";

        var call = await host.ProcessAsync(Bodies.Inbound(EventTypes.CallRinging, "287", "101", at, callerId: "J SMITH"), dequeueCount: 2);
        var transcription = await host.ProcessAsync(Bodies.Transcription("220273", at, Secret));

        var records = host.Services.GetFakeLogCollector().GetSnapshot();
        var processed = records.Where(r => r.Id.Name == "Processed").ToList();
        Assert.Equal(2, processed.Count);
        Assert.Contains(processed, r => Scope(r, "EventId") == call.EventId && Scope(r, "CallId") == "287" && Scope(r, "EventType") == "CallRinging");
        Assert.Contains(processed, r => Scope(r, "EventId") == transcription.EventId && Scope(r, "CallId") == "220273");
        Assert.Contains(records, r => r.Id.Name == "Redelivered");
        foreach (var record in records.Where(r => r.Level > LogLevel.Debug))
        {
            var text = record.Message + string.Join(";", record.Scopes.SelectMany(Pairs).Select(p => $"{p.Key}={p.Value}"));
            Assert.DoesNotContain("5551234567", text, StringComparison.Ordinal);
            Assert.DoesNotContain("J SMITH", text, StringComparison.Ordinal);
            Assert.DoesNotContain("4111", text, StringComparison.Ordinal);
        }
    }

    private static string? Scope(FakeLogRecord record, string name) =>
        record.Scopes.SelectMany(Pairs).Where(p => p.Key == name).Select(p => p.Value?.ToString()).LastOrDefault();

    private static IEnumerable<KeyValuePair<string, object?>> Pairs(object? scope) =>
        scope as IEnumerable<KeyValuePair<string, object?>> ?? [];
}
