using OneStream.DevHost.Storage;

namespace OneStream.Testing;

/// <summary>
/// The storage emulator for a test class, started by the DevHost's <see cref="AzuriteProcess"/> on ports the OS
/// picks (so test runs and a local DevHost on 10000-10002 never collide). Set <c>ONESTREAM_TEST_STORAGE</c> to a
/// connection string to test against another emulator or a real account instead.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    public const string AccountName = AzuriteProcess.AccountName;

    public const string AccountKey = AzuriteProcess.AccountKey;

    private readonly AzuriteProcess? _process;

    private Azurite(string connectionString, AzuriteProcess? process)
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

        var process = await AzuriteProcess.StartAsync(AzuritePorts.Any);
        return new Azurite(process.ConnectionString, process);
    }

    public ValueTask DisposeAsync() => _process?.DisposeAsync() ?? ValueTask.CompletedTask;
}
