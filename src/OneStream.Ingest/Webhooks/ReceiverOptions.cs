using System.ComponentModel.DataAnnotations;

namespace OneStream.Ingest.Webhooks;

/// <summary>How the HTTP receiver guards itself and storage.</summary>
public sealed class ReceiverOptions
{
    public const string SectionName = "OneStream:Receiver";

    /// <summary>Bodies larger than this are refused with 413. 1stream's biggest event is a long transcript.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long the receiver waits for storage before answering 503, well inside 1stream's patience.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan EnqueueTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The Retry-After a 503 carries.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 30;
}
