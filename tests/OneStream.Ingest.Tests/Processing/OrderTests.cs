using OneStream.Testing;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>Issue 3, point 2: any order of a call's events gives the same rows.</summary>
public sealed class OrderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ProcessAsync_GivesTheSameRows_WhateverTheOrderOfTheEvents()
    {
        var bodies = Scenarios.Mixed();
        var messages = bodies.Select((body, i) => ProcessorHost.Message(body, $"post-{i}", Scenarios.Day1.AddDays(2).AddSeconds(i))).ToList();
        var expected = await RunAsync(messages);

        var random = new Random(20250212);
        List<List<QueuedMessage>> orders = [Enumerable.Reverse(messages).ToList()];
        for (var i = 0; i < 4; i++)
        {
            var shuffled = messages.ToArray();
            random.Shuffle(shuffled);
            orders.Add([.. shuffled]);
        }

        foreach (var order in orders)
        {
            Assert.Equal(expected, await RunAsync(order));
        }
    }

    private async Task<List<string>> RunAsync(IEnumerable<QueuedMessage> messages)
    {
        await using var host = new ProcessorHost(azurite);
        foreach (var message in messages)
        {
            await host.ProcessAsync(message);
        }

        return TableSnapshot.WithoutTableName(await host.PublicTablesAsync());
    }
}
