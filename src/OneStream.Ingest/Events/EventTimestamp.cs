using System.Globalization;

namespace OneStream.Ingest.Events;

/// <summary>Reads 1stream's DateTimeStamp: UTC written as <c>2/12/2025 7:16:27 PM</c>; ISO 8601 accepted too.</summary>
public static class EventTimestamp
{
    // One- or two-digit month, day and hour; 12-hour with AM/PM as documented, and 24-hour in case a tenant's
    // locale settings change what the vendor writes.
    private static readonly string[] VendorFormats =
    [
        "M/d/yyyy h:mm:ss tt",
        "M/d/yyyy h:mm tt",
        "M/d/yyyy H:mm:ss",
        "M/d/yyyy H:mm",
    ];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        const DateTimeStyles AsUtc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowInnerWhite;
        if (DateTime.TryParseExact(trimmed, VendorFormats, CultureInfo.InvariantCulture, AsUtc, out var vendor))
        {
            value = new DateTimeOffset(vendor, TimeSpan.Zero);
            return true;
        }

        // ISO 8601 only: a date with a dash and a 'T' or space before the time. Anything else is not guessed at.
        if (trimmed.Length >= 10 && trimmed[4] == '-' && trimmed[7] == '-'
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
        {
            value = iso.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>Writes an instant the way 1stream does, for simulators and tests.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture);
}
