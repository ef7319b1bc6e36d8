using System.Buffers;
using System.Text.Json;

namespace OneStream.Ingest.Webhooks;

/// <summary>
/// The queue message format. The body is embedded as a raw JSON value, not re-encoded, so the message stays
/// readable in Storage Explorer and <see cref="Deserialize"/> returns the very bytes that were posted.
/// </summary>
public static class WebhookEnvelopeSerializer
{
    public const int CurrentVersion = 1;

    private const string BodyPropertyPrefix = "\"body\":";

    public static byte[] Serialize(WebhookEnvelope envelope)
    {
        var buffer = new ArrayBufferWriter<byte>(envelope.Body.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", CurrentVersion);
            writer.WriteString("id", envelope.Id);
            writer.WriteString("receivedAt", envelope.ReceivedAt.UtcDateTime);
            writer.WriteString("sha256", envelope.Sha256);
            writer.WriteString("eventType", envelope.EventType);
            writer.WriteNumber("bodyLength", envelope.BodyLength);
            if (envelope.BodyBlob is not null)
            {
                writer.WriteString("bodyBlob", envelope.BodyBlob);
            }
            else
            {
                // The receiver has already checked this is one well-formed JSON object in UTF-8. It goes last, so
                // white space around it can be written and read back unchanged.
                writer.WritePropertyName("body");
                writer.WriteRawValue(envelope.Body.Span, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <exception cref="FormatException">The message is not an envelope this version understands.</exception>
    public static WebhookEnvelope Deserialize(ReadOnlyMemory<byte> message)
    {
        int? version = null, bodyLength = null;
        string? id = null, sha256 = null, eventType = null, bodyBlob = null;
        DateTimeOffset? receivedAt = null;
        ReadOnlyMemory<byte> body = ReadOnlyMemory<byte>.Empty;
        try
        {
            // The body may be as deep as the receiver allows (64); the envelope adds one level around it.
            var reader = new Utf8JsonReader(message.Span, new JsonReaderOptions { MaxDepth = 66 });
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                var nameStart = reader.TokenStartIndex;
                Expect(reader.Read());
                switch (name)
                {
                    case "v": version = reader.GetInt32(); break;
                    case "id": id = reader.GetString(); break;
                    case "receivedAt": receivedAt = reader.GetDateTimeOffset(); break;
                    case "sha256": sha256 = reader.GetString(); break;
                    case "eventType": eventType = reader.GetString(); break;
                    case "bodyLength": bodyLength = reader.GetInt32(); break;
                    case "bodyBlob": bodyBlob = reader.GetString(); break;
                    case "body":
                        // The body is written last, right after `"body":`, and runs up to the closing brace:
                        // slicing there returns the posted bytes, leading and trailing white space included.
                        var start = (int)nameStart + BodyPropertyPrefix.Length;
                        reader.Skip();
                        Expect(reader.Read() && reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0);
                        body = message[start..(int)reader.TokenStartIndex];
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new FormatException("The queue message is not a OneStream webhook envelope.", ex);
        }

        if (version != CurrentVersion)
        {
            throw new FormatException($"Envelope version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} is not supported.");
        }

        if (id is null || sha256 is null || eventType is null || receivedAt is null || bodyLength is null
            || (bodyBlob is null && body.IsEmpty))
        {
            throw new FormatException("The queue message lacks a field every envelope has.");
        }

        return new WebhookEnvelope
        {
            Id = id,
            ReceivedAt = receivedAt.Value,
            Sha256 = sha256,
            EventType = eventType,
            BodyLength = bodyLength.Value,
            Body = body,
            BodyBlob = bodyBlob,
        };
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new FormatException("Unexpected JSON structure.");
        }
    }
}
