using System.Globalization;

namespace OneStream.Simulator.Traffic;

/// <summary>How 1stream writes DateTimeStamp: UTC, US month-first, 12-hour clock, invariant culture.</summary>
public static class VendorTime
{
    public const string Format = "M/d/yyyy h:mm:ss tt";

    public static string Write(DateTime utc) => utc.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTime Read(string text) =>
        DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>The PartitionKey form of a UTC date, as the processor writes it.</summary>
    public static string DateKey(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
