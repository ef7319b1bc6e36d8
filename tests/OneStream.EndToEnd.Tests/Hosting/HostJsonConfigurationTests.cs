using System.Text.Json;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneStream.DevHost;
using OneStream.DevHost.Hosting;

namespace OneStream.EndToEnd.Tests.Hosting;

public sealed class HostJsonConfigurationTests
{
    [Fact]
    public async Task QueuesOptions_AreHostJsonsExtensionsQueues()
    {
        var hostJson = HostJsonQueues();

        var options = await QueuesOptionsAsync();

        Assert.Equal(hostJson.GetProperty("batchSize").GetInt32(), options.BatchSize);
        Assert.Equal(hostJson.GetProperty("newBatchThreshold").GetInt32(), options.NewBatchThreshold);
        Assert.Equal(hostJson.GetProperty("maxDequeueCount").GetInt32(), options.MaxDequeueCount);
        Assert.Equal(TimeSpan.Parse(hostJson.GetProperty("visibilityTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture), options.VisibilityTimeout);
        Assert.Equal(TimeSpan.Parse(hostJson.GetProperty("maxPollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture), options.MaxPollingInterval);
        Assert.Equal(hostJson.GetProperty("messageEncoding").GetString(), options.MessageEncoding.ToString(), ignoreCase: true);
    }

    [Fact]
    public async Task QueuesOptions_TakeASettingOverHostJson_AsTheFunctionsHostDoes()
    {
        var options = await QueuesOptionsAsync(("AzureFunctionsJobHost:extensions:queues:maxDequeueCount", "2"));

        Assert.Equal(2, options.MaxDequeueCount);
        Assert.Equal(HostJsonQueues().GetProperty("batchSize").GetInt32(), options.BatchSize);
    }

    [Fact]
    public void AddHostJson_Throws_WhenTheFileIsMissing() =>
        Assert.Throws<FileNotFoundException>(() => new ConfigurationBuilder().AddHostJson(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "host.json")));

    /// <summary>The repository's host.json, read independently of the code under test.</summary>
    private static JsonElement HostJsonQueues()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "host.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("extensions").GetProperty("queues").Clone();
    }

    private static async Task<QueuesOptions> QueuesOptionsAsync(params (string Key, string Value)[] settings)
    {
        await using var app = DevHostApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
            builder.Logging.ClearProviders();
        });
        return app.Services.GetRequiredService<IOptions<QueuesOptions>>().Value;
    }
}
