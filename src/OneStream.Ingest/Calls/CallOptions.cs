using System.ComponentModel.DataAnnotations;

namespace OneStream.Ingest.Calls;

/// <summary>How events are grouped into calls and when a ringing call counts as missed.</summary>
public sealed class CallOptions
{
    public const string SectionName = "OneStream:Calls";

    /// <summary>A ringing call with no newer event than this before now is Missed (CallEnd never fires for it).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan MissedAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Events of one in-flight CallID further apart than this belong to different calls (the ID is reused).
    /// At most a day: a rebuild reads a bounded window of a CallID's events around the dates it rewrites.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan CallGap { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The region used to read numbers written without a country code into E.164.</summary>
    [Required, RegularExpression("^[A-Z]{2}$")]
    public string DefaultRegion { get; set; } = "US";

    /// <summary>NCRONTAB schedule of the sweep that marks silent ringing calls as Missed.</summary>
    [Required]
    public string MissedSweepSchedule { get; set; } = "0 * * * * *";

    /// <summary>How many days back (by call date) the sweep looks for calls still Ringing, e.g. after an outage.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "31.00:00:00")]
    public TimeSpan MissedSweepLookback { get; set; } = TimeSpan.FromDays(3);
}
