using System.Net.Sockets;
using OneStream.Ingest.Storage;

namespace OneStream.DevHost.Storage;

/// <summary>The local emulator as <c>AzureWebJobsStorage</c> names it: <c>UseDevelopmentStorage=true</c>.</summary>
public static class DevelopmentStorage
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    /// <summary>True when the setting is the emulator shorthand (which always means 127.0.0.1:10000-10002).</summary>
    public static bool IsSelected(IConfiguration configuration) =>
        configuration[StorageConnection.DefaultName] is { } value
        && string.Equals(value.Trim().TrimEnd(';'), ConnectionString, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when <c>AzureWebJobsStorage</c> is not set at all: neither a connection string nor identity-based
    /// settings (<c>AzureWebJobsStorage__accountName</c> …), in which case the DevHost uses the emulator.
    /// </summary>
    public static bool IsUnset(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageConnection.DefaultName);
        return string.IsNullOrWhiteSpace(section.Value) && !section.GetChildren().Any();
    }

    /// <summary>Which of the ports something on loopback accepts connections on.</summary>
    public static async Task<IReadOnlyList<int>> ListeningAsync(IEnumerable<int> ports, CancellationToken cancellationToken)
    {
        var checks = ports.Select(async port => (port, open: await AcceptsAsync(port, cancellationToken).ConfigureAwait(false)));
        var results = await Task.WhenAll(checks).ConfigureAwait(false);
        return [.. results.Where(r => r.open).Select(r => r.port)];
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(AzuriteProcess.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
