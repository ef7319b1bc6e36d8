using System.Text.Json;
using OneStream.Simulator.Cli;
using OneStream.Simulator.Tests.Receivers;

namespace OneStream.Simulator.Tests.Cli;

public sealed class SimulatorCommandTests
{
    private const string Key = "s3cr3t-function-key";

    private readonly StringWriter _output = new();
    private readonly StringWriter _log = new();

    private string Everything => _output.ToString() + _log.ToString();

    [Fact]
    public async Task RunAsync_ReturnsZero_AndNeverShowsTheKey_WhenEveryPostSucceeds()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(_ => 200);

        var exitCode = await RunAsync("--url", $"{receiver.WebhookUrl}?code={Key}", "--calls", "10", "--duplicate-rate", "0.3");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"answers       200: {receiver.Requests.Count}", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("p50", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("?<redacted>", _log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, Everything, StringComparison.Ordinal);
        Assert.All(receiver.Requests, r => Assert.EndsWith($"?code={Key}", r.PathAndQuery, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ReturnsNonZero_WhenAPostGets500()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(body => body.Contains("\"CallEnd\"", StringComparison.Ordinal) ? 500 : 200);

        var exitCode = await RunAsync("--url", $"{receiver.WebhookUrl}?code={Key}", "--calls", "10");

        Assert.Equal(ExitCodes.PostFailed, exitCode);
        Assert.Contains("500: ", _output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, Everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReturnsNonZero_AndHidesTheKey_WhenNothingListens()
    {
        using var closed = new ClosedPort();

        var exitCode = await RunAsync("--url", $"{closed.Url}?code={Key}", "--calls", "3");

        Assert.Equal(ExitCodes.PostFailed, exitCode);
        Assert.Contains("error: HttpRequestException", _log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, Everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReturnsRowsMissing_InsteadOfCrashing_WhenTheStorageCannotBeReached()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(_ => 200);
        using var closed = new ClosedPort();
        var storage = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Convert.ToBase64String(new byte[64])};" +
            $"TableEndpoint=http://127.0.0.1:{closed.Url.Port}/devstoreaccount1;";

        var exitCode = await RunAsync("--url", receiver.WebhookUrl.ToString(), "--calls", "2", "--storage", storage, "--wait", "1");

        Assert.Equal(ExitCodes.RowsMissing, exitCode);
        Assert.Contains("storage unreadable", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PrintsEveryPostAsAJsonLine_AndSendsNothing_OnDryRun()
    {
        using var closed = new ClosedPort();

        var exitCode = await RunAsync("--url", closed.Url.ToString(), "--dry-run", "--calls", "5", "--seed", "9");

        Assert.Equal(ExitCodes.Success, exitCode);
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.Contains("Planned 5 calls", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReturnsUsage_WithoutEchoingAStrayUrl()
    {
        var exitCode = await RunAsync($"http://localhost/?code={Key}");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.DoesNotContain(Key, Everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PrintsHelp()
    {
        var exitCode = await RunAsync("--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("--duplicate-rate", _output.ToString(), StringComparison.Ordinal);
    }

    private Task<int> RunAsync(params string[] args) =>
        new SimulatorCommand(_output, _log, TimeProvider.System).RunAsync(args);
}
