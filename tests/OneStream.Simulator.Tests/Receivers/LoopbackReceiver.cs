using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStream.Simulator.Tests.Receivers;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port that records what it is sent and answers as told.</summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackReceiver(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri WebhookUrl => new(BaseAddress, "/api/onestream/webhook");

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Starts a receiver whose status code for each request the <paramref name="answer"/> picks from its body.</summary>
    public static Task<LoopbackReceiver> StartAsync(Func<string, int> answer) =>
        StartAsync(async (context, receiver) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            receiver.Requests.Enqueue(new(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.ContentType, body));
            context.Response.StatusCode = answer(body);
            await context.Response.WriteAsync("{}", context.RequestAborted);
        });

    public static async Task<LoopbackReceiver> StartAsync(Func<HttpContext, LoopbackReceiver, Task> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackReceiver? receiver = null;
        app.Run(context => handle(context, receiver!));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver = new LoopbackReceiver(app, new Uri(address));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ReceivedRequest(string Method, string PathAndQuery, string? ContentType, string Body);
