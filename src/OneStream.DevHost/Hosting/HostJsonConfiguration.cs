using Microsoft.Extensions.Configuration.Memory;

namespace OneStream.DevHost.Hosting;

/// <summary>
/// Reads the Functions app's <c>host.json</c> the way the Functions host does: as configuration below
/// <c>AzureFunctionsJobHost</c>, which the WebJobs SDK is told is its root, so the queue extension binds
/// <c>QueuesOptions</c> from <c>extensions.queues</c> itself. Any later source overrides a value with the key the
/// Functions host also honours, e.g. <c>AzureFunctionsJobHost__extensions__queues__maxPollingInterval</c>.
/// </summary>
public static class HostJsonConfiguration
{
    public const string RootSection = "AzureFunctionsJobHost";

    /// <summary>The WebJobs SDK's setting that names its configuration root (default <c>AzureWebJobs</c>).</summary>
    public const string WebJobsRootKey = "AzureWebJobsConfigurationSection";

    public const string FileName = "host.json";

    /// <summary>The host.json copied next to the DevHost's binaries from the repository root.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, FileName);

    /// <summary>Adds host.json as the lowest-priority source, so every other source can override it.</summary>
    /// <exception cref="FileNotFoundException">host.json is not at <paramref name="path"/>.</exception>
    public static IConfigurationBuilder AddHostJson(this IConfigurationBuilder builder, string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Functions app's {FileName} is not next to the DevHost; rebuild it.", path);
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { [WebJobsRootKey] = RootSection };
        var hostJson = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        foreach (var (key, value) in hostJson.AsEnumerable())
        {
            if (value is not null)
            {
                values[ConfigurationPath.Combine(RootSection, key)] = value;
            }
        }

        builder.Sources.Insert(0, new MemoryConfigurationSource { InitialData = values });
        return builder;
    }
}
