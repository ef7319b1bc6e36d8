using Azure.Data.Tables;

namespace OneStream.Ingest.Storage;

/// <summary>
/// A row's columns as plain values, for telling whether a rewrite would change anything. Values are made
/// comparable across a round trip: every date as a UTC <see cref="DateTimeOffset"/>, service metadata left out.
/// </summary>
public static class RowColumns
{
    private static readonly HashSet<string> Metadata = new(StringComparer.Ordinal) { "odata.etag", "Timestamp", "odata.metadata" };

    public static SortedDictionary<string, object> Of(TableEntity entity)
    {
        var columns = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in entity)
        {
            if (value is null || Metadata.Contains(name))
            {
                continue;
            }

            columns[name] = value switch
            {
                DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, dateTime.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dateTime.Kind)).ToUniversalTime(),
                DateTimeOffset offset => offset.ToUniversalTime(),
                _ => value,
            };
        }

        return columns;
    }

    public static bool Equal(TableEntity left, TableEntity right)
    {
        var a = Of(left);
        var b = Of(right);
        return a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && Equals(pair.Value, other));
    }
}
