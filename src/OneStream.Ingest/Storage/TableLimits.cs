namespace OneStream.Ingest.Storage;

/// <summary>
/// What Table Storage accepts: a string property of at most 64 KiB as UTF-16 (32K characters), an entity of at
/// most 1 MiB. Azurite measures the entity as the JSON it receives, where the SDK writes each non-ASCII
/// character as a six-byte <c>\uXXXX</c>; both measures are respected here.
/// </summary>
public static class TableLimits
{
    /// <summary>The most characters this app puts in one string property (the service allows 32,768).</summary>
    public const int MaxStringChars = 32_000;

    /// <summary>Parsed fields longer than this are left out of a row's columns; the raw body still has them.</summary>
    public const int MaxFieldChars = 4_096;

    /// <summary>Room for an entity's text when the rest of it is small (the limit is 1,048,576 bytes).</summary>
    public const int EntityTextBudgetBytes = 960_000;

    /// <summary>The larger of the text's UTF-16 size and its size as escaped JSON.</summary>
    public static long StoredBytes(string text)
    {
        long json = 0;
        foreach (var c in text)
        {
            json += c is >= ' ' and <= '~' and not ('"' or '\\' or '&' or '\'' or '<' or '>' or '+' or '`') ? 1 : 6;
        }

        return Math.Max(json, 2L * text.Length);
    }

    /// <summary>A parsed field as a column value: null (no column) when empty or too long for a column.</summary>
    public static string? Field(string? value) => value is { Length: > 0 and <= MaxFieldChars } ? value : null;
}
