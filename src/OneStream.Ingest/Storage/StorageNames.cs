using System.ComponentModel.DataAnnotations;

namespace OneStream.Ingest.Storage;

/// <summary>
/// The queues, container and tables the app uses. The defaults are the names the Bicep template creates and
/// the README documents; the three public table names are what people query in Storage Explorer and Power BI.
/// </summary>
public sealed class StorageNames
{
    public const string SectionName = "OneStream:Storage";

    /// <summary>CallRinging, CallConnected, CallEnd and any unknown EventType.</summary>
    [Required, RegularExpression(QueueNamePattern)]
    public string CallEventsQueue { get; set; } = "onestream-call-events";

    /// <summary>TranscriptionReady, kept apart so a bad transcription never holds calls back.</summary>
    [Required, RegularExpression(QueueNamePattern)]
    public string TranscriptionsQueue { get; set; } = "onestream-transcriptions";

    /// <summary>Bodies too large for a queue message or a table property (claim check).</summary>
    [Required, RegularExpression(QueueNamePattern)]
    public string PayloadContainer { get; set; } = "onestream-payloads";

    [Required, RegularExpression(TableNamePattern)]
    public string EventsTable { get; set; } = "OneStreamEvents";

    [Required, RegularExpression(TableNamePattern)]
    public string CallsTable { get; set; } = "OneStreamCalls";

    [Required, RegularExpression(TableNamePattern)]
    public string TranscriptionsTable { get; set; } = "OneStreamTranscriptions";

    /// <summary>Internal: each call event indexed by its in-flight CallID, from which call rows are rebuilt.</summary>
    [Required, RegularExpression(TableNamePattern)]
    public string CallIndexTable { get; set; } = "OneStreamCallIndex";

    /// <summary>Internal: one marker per received POST, so a queue redelivery is never counted as a copy.</summary>
    [Required, RegularExpression(TableNamePattern)]
    public string ReceiptsTable { get; set; } = "OneStreamReceipts";

    /// <summary>The queue the Functions host moves a message to after maxDequeueCount failures.</summary>
    public static string PoisonQueueOf(string queueName) => queueName + "-poison";

    // Azure's rules: queues and containers 3-63 lower-case letters, digits and single dashes; tables 3-63 alphanumerics.
    private const string QueueNamePattern = "^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$";
    private const string TableNamePattern = "^[A-Za-z][A-Za-z0-9]{2,62}$";
}
