using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStream.Functions.Functions;
using OneStream.Ingest;
using OneStream.Ingest.Storage;

namespace OneStream.Functions.Tests.Functions;

/// <summary>
/// The container the Functions app builds (through the same <c>AddOneStream</c> call), pointed at a storage
/// connection and at storage names no other test uses.
/// </summary>
internal sealed class FunctionsHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public FunctionsHost(string connectionString, IDictionary<string, string?>? settings = null)
    {
        Names = AzuriteFixtureNames();
        var values = new Dictionary<string, string?>
        {
            [StorageConnection.DefaultName] = connectionString,
            [$"{StorageNames.SectionName}:{nameof(StorageNames.CallEventsQueue)}"] = Names.CallEventsQueue,
            [$"{StorageNames.SectionName}:{nameof(StorageNames.TranscriptionsQueue)}"] = Names.TranscriptionsQueue,
            [$"{StorageNames.SectionName}:{nameof(StorageNames.PayloadContainer)}"] = Names.PayloadContainer,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddOneStream(configuration)
            .AddTransient<WebhookFunction>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public StorageNames Names { get; }

    public WebhookFunction Webhook => _services.GetRequiredService<WebhookFunction>();

    public static HttpRequest Request(string method, byte[]? body = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (body is not null)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
        }

        return context.Request;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static StorageNames AzuriteFixtureNames() => OneStream.Testing.AzuriteFixture.UniqueNames();
}
