using System.Globalization;
using Azure.Data.Tables;
using OneStream.Ingest.Storage;

namespace OneStream.Ingest.Transcriptions;

/// <summary>
/// A transcript in table columns: <c>Text</c>, <c>Text2</c>, <c>Text3</c>… of at most
/// <see cref="TableLimits.MaxStringChars"/> characters each, never splitting a surrogate pair; joined in order they
/// are the transcript exactly.
/// </summary>
public static class TranscriptText
{
    public static string ColumnName(int part) => part == 1 ? "Text" : "Text" + part.ToString(CultureInfo.InvariantCulture);

    public static List<string> Split(string text, int maxChars = TableLimits.MaxStringChars)
    {
        var parts = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var length = Math.Min(maxChars, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            parts.Add(text.Substring(start, length));
            start += length;
        }

        return parts;
    }

    /// <summary>The transcript held in a row's columns, or null when the row keeps it in a blob.</summary>
    public static string? Join(TableEntity row)
    {
        var parts = row.GetInt32("TextParts") ?? 0;
        if (parts == 0 && row.GetString("TextBlob") is not null)
        {
            return null;
        }

        return string.Concat(Enumerable.Range(1, parts).Select(i => row.GetString(ColumnName(i)) ?? string.Empty));
    }
}
