using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using OneStream.DevHost.Hosting;

namespace OneStream.EndToEnd.Tests.Hosting;

public sealed class StoppingExceptionHandlerTests
{
    [Fact]
    public async Task OnUnhandledException_StopsTheHost_InsteadOfEndingTheProcess()
    {
        var lifetime = new Lifetime();
        var handler = new StoppingExceptionHandler(lifetime, NullLogger<StoppingExceptionHandler>.Instance);

        await handler.OnUnhandledExceptionAsync(ExceptionDispatchInfo.Capture(new InvalidOperationException("listener failed")));

        Assert.Equal(1, lifetime.StopRequests);
        Assert.True(handler.Failed);
    }

    [Fact]
    public async Task OnUnhandledException_OnlyNotesIt_WhenAlreadyStopping()
    {
        var lifetime = new Lifetime();
        lifetime.Stopping.Cancel();
        var handler = new StoppingExceptionHandler(lifetime, NullLogger<StoppingExceptionHandler>.Instance);

        await handler.OnUnhandledExceptionAsync(ExceptionDispatchInfo.Capture(new InvalidOperationException("storage went first")));

        Assert.Equal(0, lifetime.StopRequests);
        Assert.False(handler.Failed);
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Stopping { get; } = new();

        public int StopRequests { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => StopRequests++;
    }
}
