using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OneStream.Ingest.Storage;

/// <summary>
/// Turns untrusted text (a CallID, an EventType) into a PartitionKey or RowKey part. Letters, digits and a few
/// harmless marks stay as they are, so a CallID like <c>287</c> reads as itself; every other character is written
/// as <c>~XX</c> (or <c>~uXXXX</c> above U+00FF). That covers what Table Storage forbids (<c>/ \ # ?</c> and
/// control characters), what breaks emulators and tools (<c>%</c> and <c>'</c>), and <c>-</c>, which this app uses
/// as a separator (<c>287-2</c>), so two different inputs never give the same key. Text too long for a key keeps
/// a readable head and ends in <c>~~</c> and a hash of the whole.
/// </summary>
public static class TableKey
{
    /// <summary>Keys may be 1 KiB; encoded parts stay well under half of that so they can be combined.</summary>
    public const int MaxEncodedLength = 200;

    private const char Escape = '~';
    private const string Kept = "._:@!$()*,;=";

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (IsKept(c))
            {
                builder.Append(c);
            }
            else if (c <= 0xFF)
            {
                builder.Append(Escape).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(Escape).Append('u').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        if (builder.Length <= MaxEncodedLength)
        {
            return builder.ToString();
        }

        // Cut the readable head before an escape so no half escape remains, then name the whole by its hash.
        var head = builder.ToString(0, MaxEncodedLength - 40);
        var lastEscape = head.LastIndexOf(Escape);
        if (lastEscape >= 0 && head.Length - lastEscape < 6)
        {
            head = head[..lastEscape];
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())))[..32];
        return head + Escape + Escape + hash;
    }

    private static bool IsKept(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
        || Kept.Contains(c, StringComparison.Ordinal)
        || (c > 0xFF && !char.IsSurrogate(c) && char.IsLetterOrDigit(c));
}
