using System.Globalization;
using Azure;
using Azure.Data.Tables;
using OneStream.Ingest.Storage;

namespace OneStream.Ingest.Tests.Processing;

/// <summary>A table's rows as sorted text lines, one per column, so two tables compare with a readable diff.</summary>
internal static class TableSnapshot
{
    public static async Task<List<string>> ReadAsync(TableClient table)
    {
        var lines = new List<string>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                foreach (var (name, value) in RowColumns.Of(row))
                {
                    lines.Add($"{table.Name}|{row.PartitionKey}|{row.RowKey}|{name}={Format(value)}");
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: no rows.
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Lines of one table with the table name (unique per test) left out, for comparing across tests.</summary>
    public static List<string> WithoutTableName(IEnumerable<string> lines) =>
        [.. lines.Select(line => line[(line.IndexOf('|', StringComparison.Ordinal) + 1)..])];

    private static string Format(object value) => value switch
    {
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        string text when text.Length > 80 => $"{text[..40]}…({text.Length} chars, hash {text.GetHashCode(StringComparison.Ordinal)})",
        IFormattable formattable => $"{formattable.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => value.ToString() ?? string.Empty,
    };
}
