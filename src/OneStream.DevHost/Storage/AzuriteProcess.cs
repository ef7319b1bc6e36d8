using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OneStream.DevHost.Storage;

/// <summary>
/// The official storage emulator, started from the repository's pinned npm package (<c>npm ci</c> installs it):
/// on loopback, in memory, with <c>--skipApiVersionCheck</c> because the Azure SDK is newer than the emulator.
/// Port 0 lets the OS pick (tests); the DevHost asks for the well-known ports 10000-10002, where
/// <c>UseDevelopmentStorage=true</c> and Storage Explorer's "Local emulator" look.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // The emulator's well-known development key, public in Microsoft's documentation; not a secret.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string Loopback = "127.0.0.1";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private int _disposed;

    private AzuriteProcess(Process process, AzuritePorts ports)
    {
        _process = process;
        ProcessId = process.Id;
        Ports = ports;
    }

    /// <summary>The ports the emulator listens on, as it reported them.</summary>
    public AzuritePorts Ports { get; }

    public int ProcessId { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>A connection string for this emulator with its explicit endpoints (works for any ports).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://{Loopback}:{Ports.Blob}/{AccountName};" +
        $"QueueEndpoint=http://{Loopback}:{Ports.Queue}/{AccountName};" +
        $"TableEndpoint=http://{Loopback}:{Ports.Table}/{AccountName};";

    /// <summary>Starts the emulator and returns once all three services listen.</summary>
    /// <param name="ports">The ports to ask for; 0 for any free port.</param>
    /// <exception cref="InvalidOperationException">Azurite is not installed, or exited or hung before listening.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuritePorts ports, CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable();
        var start = StartInfo(executable);
        foreach (var argument in (string[])[
            "--inMemoryPersistence", "--extentMemoryLimit", "1024", "--skipApiVersionCheck", "--loose",
            "--blobHost", Loopback, "--blobPort", Text(ports.Blob),
            "--queueHost", Loopback, "--queuePort", Text(ports.Queue),
            "--tableHost", Loopback, "--tablePort", Text(ports.Table)])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var listening = new Dictionary<string, int>(StringComparer.Ordinal);
        var allListening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (listening)
            {
                if (e.Data is null)
                {
                    allListening.TrySetException(new InvalidOperationException($"Azurite exited before listening:\n{output}"));
                    return;
                }

                output.AppendLine(e.Data);
                if (ListeningLine().Match(e.Data) is { Success: true } match)
                {
                    listening[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                    if (listening.Count == 3)
                    {
                        allListening.TrySetResult();
                    }
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (listening)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await allListening.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }

        return new AzuriteProcess(process, new AzuritePorts(listening["Blob"], listening["Queue"], listening["Table"]));
    }

    /// <summary>
    /// Ctrl+C in a terminal signals the whole foreground process group. In a group of its own, Azurite keeps serving
    /// while the DevHost drains its triggers, and the DevHost stops it after: on Windows through a new process group,
    /// on Unix through <c>setsid</c> where it exists (Linux; it execs in place, so the process is Azurite itself).
    /// Elsewhere both get the signal, and in-flight work fails as the emulator goes.
    /// </summary>
    private static ProcessStartInfo StartInfo(string executable)
    {
        ProcessStartInfo start;
        if (OperatingSystem.IsWindows())
        {
            start = new ProcessStartInfo(executable) { CreateNewProcessGroup = true };
        }
        else if (FindOnPath("setsid") is { } setsid)
        {
            start = new ProcessStartInfo(setsid);
            start.ArgumentList.Add(executable);
        }
        else
        {
            start = new ProcessStartInfo(executable);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The npm package's launcher, found by walking up from the binaries to the repository root.</summary>
    /// <exception cref="InvalidOperationException">It is not there: <c>npm ci</c> has not run.</exception>
    public static string FindExecutable()
    {
        var name = OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Azurite is not installed: run 'npm ci' at the repository root.");
    }

    /// <summary>Stops the emulator (its in-memory data goes with it); a second call does nothing.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
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

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
