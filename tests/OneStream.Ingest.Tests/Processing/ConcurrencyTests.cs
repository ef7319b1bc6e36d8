using OneStream.Testing;
using Xunit.Abstractions;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>
/// Issue 3, point 3: several processors working 16 messages at a time (host.json's batch) on a shuffled,
/// duplicated set of events end with the same rows, column by column, as one processor going one by one.
/// </summary>
public sealed class ConcurrencyTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Rounds = 50;
    private const int Processors = 3;
    private const int AtATime = 16;

    [Fact]
    public async Task ProcessAsync_LosesNothing_WhenSeveralProcessorsWorkOnTheSameCallsInParallel()
    {
        var messages = DuplicatedMessages(new Random(3));
        var expected = await OneByOneAsync(messages);
        Assert.Contains(expected, line => line.StartsWith("2025-02-12|287-2|", StringComparison.Ordinal));

        var random = new Random(20250214);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var round = 0; round < Rounds; round++)
        {
            var names = AzuriteFixture.UniqueNames();
            var hosts = Enumerable.Range(0, Processors).Select(_ => new ProcessorHost(azurite, names)).ToArray();
            try
            {
                var shuffled = messages.ToArray();
                random.Shuffle(shuffled);
                var work = shuffled.Select((message, i) => (Message: message.Message, message.Delivery, Host: hosts[random.Next(Processors)])).ToList();
                await Parallel.ForEachAsync(
                    work,
                    new ParallelOptions { MaxDegreeOfParallelism = AtATime },
                    async (item, _) => await item.Host.ProcessAsync(item.Message, item.Delivery));

                Assert.Equal(expected, TableSnapshot.WithoutTableName(await hosts[0].PublicTablesAsync()));
            }
            finally
            {
                foreach (var host in hosts)
                {
                    await host.DisposeAsync();
                }
            }
        }

        output.WriteLine($"{Rounds} rounds of {messages.Count} messages in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }

    /// <summary>
    /// CallID 287 used twice on one day and once past midnight, 288 bridged across midnight, a queue call, two
    /// versions of one transcription and an unknown type; every event posted once or (one in three) twice
    /// (1stream's retries, new envelope ids) and each post delivered once or (one in three) twice (queue redeliveries, same envelope id).
    /// </summary>
    private static List<(QueuedMessage Message, long Delivery)> DuplicatedMessages(Random random)
    {
        List<string> bodies =
        [
            .. Scenarios.ReusedCallId()[..8],
            .. Scenarios.BridgedAcrossMidnight(),
            Bodies.Transcription("220273", Scenarios.Day1.AddHours(11), " First version."),
            Bodies.Transcription("220273", Scenarios.Day1.AddHours(11), " Same time, other text."),
            Bodies.Body("CallParked", "287", "101", Bodies.Caller, null, Bodies.Trunk, "", Scenarios.Day1.AddHours(1).AddSeconds(30), "Sales"),
        ];
        var messages = new List<(QueuedMessage, long)>();
        var receivedAt = Scenarios.Day2.AddDays(1);
        for (var i = 0; i < bodies.Count; i++)
        {
            var posts = random.Next(3) == 0 ? 2 : 1;
            for (var post = 0; post < posts; post++)
            {
                var message = ProcessorHost.Message(bodies[i], $"e{i}-p{post}", receivedAt.AddSeconds((i * 10) + post));
                var deliveries = random.Next(3) == 0 ? 2 : 1;
                for (var delivery = 1; delivery <= deliveries; delivery++)
                {
                    messages.Add((message, delivery));
                }
            }
        }

        return messages;
    }

    private async Task<List<string>> OneByOneAsync(List<(QueuedMessage Message, long Delivery)> messages)
    {
        await using var host = new ProcessorHost(azurite);
        foreach (var (message, delivery) in messages)
        {
            await host.ProcessAsync(message, delivery);
        }

        return TableSnapshot.WithoutTableName(await host.PublicTablesAsync());
    }
}
