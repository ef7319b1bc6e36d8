using System.Text.Json;
using OneStream.Ingest.Events;

namespace OneStream.Ingest.Webhooks;

/// <summary>What a quick look at a body found, before anything is stored.</summary>
public enum BodyVerdict
{
    Acceptable,
    Empty,
    NotJsonObject,
    MissingEventType,
}

/// <summary>
/// Checks that a body is one well-formed JSON object with a non-empty string EventType, in a single forward
/// pass with <see cref="Utf8JsonReader"/>: no document is built and no property but EventType is decoded.
/// </summary>
public static class WebhookBodyInspector
{
    public static (BodyVerdict Verdict, string? EventType) Inspect(ReadOnlySpan<byte> body)
    {
        body = JsonBody.SkipBom(body);

        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (BodyVerdict.Empty, null);
        }

        string? eventType = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (BodyVerdict.NotJsonObject, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEventType = IsEventTypeName(ref reader);
                reader.Read();
                if (isEventType && eventType is null && reader.TokenType == JsonTokenType.String)
                {
                    eventType = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            // Reading on past the object's end proves nothing follows it but white space.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return (BodyVerdict.NotJsonObject, null);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: an EventType whose bytes are not UTF-8.
            return (BodyVerdict.NotJsonObject, null);
        }

        return string.IsNullOrWhiteSpace(eventType)
            ? (BodyVerdict.MissingEventType, null)
            : (BodyVerdict.Acceptable, eventType.Trim());
    }

    private static bool IsEventTypeName(ref Utf8JsonReader reader)
    {
        const string Name = "EventType";
        if (reader.HasValueSequence || reader.ValueSpan.Length > Name.Length * 6)
        {
            return false;
        }

        return string.Equals(reader.GetString(), Name, StringComparison.OrdinalIgnoreCase);
    }
}
