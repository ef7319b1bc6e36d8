using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OneStream.DevHost;
using OneStream.DevHost.Storage;
using OneStream.Ingest.Storage;
using OneStream.Testing;

namespace OneStream.EndToEnd.Tests.Storage;

/// <summary>
/// The run command's default: <c>UseDevelopmentStorage=true</c>. This test uses the well-known ports 10000-10002;
/// when an emulator already runs there (a developer's DevHost), it checks that the DevHost uses it instead.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class EmbeddedStorageTests
{
    [Fact]
    public async Task DevelopmentStorage_StartsAzuriteOnTheWellKnownPortsWhenNoneRuns_AndStopsItOnExit()
    {
        var ports = AzuritePorts.WellKnown;
        var before = await DevelopmentStorage.ListeningAsync(ports.All, CancellationToken.None);
        Assert.True(before.Count is 0 or 3, $"Only some of ports {ports.Blob}-{ports.Table} are taken ({string.Join(", ", before)}); this test needs all or none.");
        var names = AzuriteFixture.UniqueNames();
        var app = DevHostApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [StorageConnection.DefaultName] = DevelopmentStorage.ConnectionString,
                ["Urls"] = "http://127.0.0.1:0",
                [$"{StorageNames.SectionName}:{nameof(StorageNames.CallEventsQueue)}"] = names.CallEventsQueue,
                [$"{StorageNames.SectionName}:{nameof(StorageNames.TranscriptionsQueue)}"] = names.TranscriptionsQueue,
                [$"{StorageNames.SectionName}:{nameof(StorageNames.PayloadContainer)}"] = names.PayloadContainer,
                [$"{StorageNames.SectionName}:{nameof(StorageNames.EventsTable)}"] = names.EventsTable,
                [$"{StorageNames.SectionName}:{nameof(StorageNames.CallsTable)}"] = names.CallsTable,
                [$"{StorageNames.SectionName}:{nameof(StorageNames.TranscriptionsTable)}"] = names.TranscriptionsTable,
                [$"{StorageNames.SectionName}:{nameof(StorageNames.CallIndexTable)}"] = names.CallIndexTable,
                [$"{StorageNames.SectionName}:{nameof(StorageNames.ReceiptsTable)}"] = names.ReceiptsTable,
            });
            builder.Logging.ClearProviders();
        });
        await using (app)
        {
            await app.StartAsync();
            var embedded = app.Services.GetRequiredService<EmbeddedStorage>();
            Assert.Equal(before.Count == 0, embedded.Emulator is not null);
            Assert.Equal(3, (await DevelopmentStorage.ListeningAsync(ports.All, CancellationToken.None)).Count);

            using var http = new HttpClient();
            using var response = await http.PostAsync(app.Urls.Single() + OneStream.DevHost.Webhooks.WebhookEndpoint.Path, new StringContent(SeedPayloads.InboundEnd));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            await app.StopAsync();
        }

        var after = await DevelopmentStorage.ListeningAsync(ports.All, CancellationToken.None);
        Assert.Equal(before, after);
    }
}
