using System.Reflection;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Options;
using OneStream.Ingest.Storage;

namespace OneStream.DevHost.Triggers;

/// <summary>
/// Resolves the triggers' <c>%Section:Name%</c> expressions like the WebJobs default (from configuration), and a
/// storage name that no setting gives from the bound <see cref="StorageNames"/>, so the code's defaults apply. In
/// Azure the app settings carry every name (infra/main.bicep), and under <c>func start</c> local.settings.json does;
/// the DevHost runs with no settings at all.
/// </summary>
public sealed class SettingsNameResolver(IConfiguration configuration, IOptions<StorageNames> names) : INameResolver
{
    private static readonly string StoragePrefix = StorageNames.SectionName + ConfigurationPath.KeyDelimiter;

    public string? Resolve(string name)
    {
        if (configuration[name] is { } value)
        {
            return value;
        }

        return name.StartsWith(StoragePrefix, StringComparison.OrdinalIgnoreCase)
            && typeof(StorageNames).GetProperty(name[StoragePrefix.Length..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { PropertyType: var type } property
            && type == typeof(string)
            ? (string?)property.GetValue(names.Value)
            : null;
    }
}
