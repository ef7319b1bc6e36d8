using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStream.Ingest.Webhooks;

/// <summary>
/// What the receiver answers, independent of any web framework: each host turns it into its own result type.
/// <see cref="Body"/> is a small object; <see cref="ToJson"/> writes it the same way for every host.
/// </summary>
public sealed record WebhookResponse(int StatusCode, object Body, int? RetryAfterSeconds = null)
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(Body, Body.GetType(), JsonOptions);

    public static WebhookResponse Accepted(string id, bool unknownEventType) =>
        new(200, new AcceptedBody("accepted", id, unknownEventType ? "EventType is not one 1stream documents; stored anyway" : null));

    public static WebhookResponse Rejected(int statusCode, string reason) => new(statusCode, new ErrorBody(reason));

    public static WebhookResponse Unavailable(int retryAfterSeconds) =>
        new(503, new ErrorBody("storage is unavailable; the event was not stored, retry later"), retryAfterSeconds);

    public static WebhookResponse Ready() =>
        new(200, new ReadyBody("ready", "POST 1stream webhook events (CallRinging, CallConnected, CallEnd, TranscriptionReady) to this URL"));

    public sealed record AcceptedBody(string Status, string Id, string? Note);

    public sealed record ErrorBody(string Error);

    public sealed record ReadyBody(string Status, string Message);
}
