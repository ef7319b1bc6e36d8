using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OneStream.Testing;

/// <summary>
/// The official storage emulator, started from the repository's pinned npm package on loopback, in memory, on
/// ports the OS picks (so test runs and a local host never collide). Set <c>ONESTREAM_TEST_STORAGE</c> to a
/// connection string to test against another emulator or a real account instead.
/// </summary>
public sealed partial class Azurite : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // The emulator's well-known development key, public in Microsoft's documentation; not a secret.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process? _process;

    private Azurite(string connectionString, Process? process)
    {
        ConnectionString = connectionString;
        _process = process;
    }

    public string ConnectionString { get; }

    public static async Task<Azurite> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("ONESTREAM_TEST_STORAGE") is { Length: > 0 } external)
        {
            return new Azurite(external, null);
        }

        var executable = FindExecutable();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--inMemoryPersistence", "--extentMemoryLimit", "1024", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var ports = new Dictionary<string, int>();
        var allListening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                allListening.TrySetException(new InvalidOperationException($"Azurite exited before listening:\n{output}"));
                return;
            }

            lock (ports)
            {
                output.AppendLine(e.Data);
                if (ListeningLine().Match(e.Data) is { Success: true } match)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        allListening.TrySetResult();
                    }
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (ports)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await allListening.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
        }
        catch
        {
            Stop(process);
            throw;
        }

        var connectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{ports["Blob"]}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{ports["Queue"]}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{ports["Table"]}/{AccountName};";
        return new Azurite(connectionString, process);
    }

    /// <summary>The npm package's launcher, found by walking up from the test binaries to the repository root.</summary>
    public static string FindExecutable()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Azurite is not installed: run 'npm ci' at the repository root.");
    }

    public ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            Stop(_process);
            _process.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
