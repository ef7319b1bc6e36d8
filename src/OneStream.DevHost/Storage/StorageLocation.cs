using System.Data.Common;
using OneStream.Ingest.Storage;

namespace OneStream.DevHost.Storage;

/// <summary>Says where <c>AzureWebJobsStorage</c> points, for people: an account name or an endpoint, never a key.</summary>
public static class StorageLocation
{
    public static string Describe(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageConnection.DefaultName);
        if (DevelopmentStorage.IsSelected(configuration))
        {
            return $"the storage emulator at {AzuriteProcess.Loopback}:{AzuritePorts.WellKnown.Blob}-{AzuritePorts.WellKnown.Table}";
        }

        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return DescribeConnectionString(section.Value);
        }

        if (section["accountName"] is { Length: > 0 } accountName)
        {
            return $"account '{accountName}' (identity-based)";
        }

        return section["queueServiceUri"] is { Length: > 0 } queues && Uri.TryCreate(queues, UriKind.Absolute, out var uri)
            ? $"{uri.Host} (identity-based)"
            : "(not configured)";
    }

    private static string DescribeConnectionString(string connectionString)
    {
        var parts = new DbConnectionStringBuilder();
        try
        {
            parts.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return "(a connection string that does not parse)";
        }

        var accountName = parts.TryGetValue("AccountName", out var name) ? name as string : null;
        var queueEndpoint = parts.TryGetValue("QueueEndpoint", out var endpoint) && Uri.TryCreate(endpoint as string, UriKind.Absolute, out var uri) ? uri : null;
        if (string.Equals(accountName, AzuriteProcess.AccountName, StringComparison.Ordinal))
        {
            return queueEndpoint is null ? "the storage emulator" : $"the storage emulator at {queueEndpoint.Host}:{queueEndpoint.Port}";
        }

        return accountName is { Length: > 0 } ? $"account '{accountName}'" : queueEndpoint?.Host ?? "(a connection string without an account name)";
    }
}
