using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using OneStream.Ingest.Storage;

namespace OneStream.Ingest.Events;

/// <summary>
/// Who an event is, from its content alone: a 1stream retry (a new POST with the same body) and a queue
/// redelivery (the same POST again) get the same identity and so land on the same row. The hash is taken over a
/// canonical form of the JSON (property names case-folded and sorted, insignificant whitespace dropped, values as
/// sent), so a copy that differs only in layout, property order or name casing is still the same event.
/// </summary>
public sealed record EventIdentity
{
    /// <summary>Lower-case hex SHA-256 of the canonical form: the event's id everywhere (logs, receipts, index).</summary>
    public required string Hash { get; init; }

    /// <summary>OneStreamEvents PartitionKey: the event's UTC date, <c>yyyy-MM-dd</c>.</summary>
    public required string PartitionKey { get; init; }

    /// <summary>OneStreamEvents RowKey: <c>HHmmss-EventType-hash16</c>, sorting by event time within the day.</summary>
    public required string RowKey { get; init; }

    /// <summary>The first 16 hex digits of <see cref="Hash"/>, used inside keys.</summary>
    public string ShortHash => Hash[..ShortHashLength];

    public const int ShortHashLength = 16;

    /// <summary>RowKey time part of an event whose DateTimeStamp did not parse; sorts after every time of the day.</summary>
    public const string UndatedRowKeyPrefix = "undated";

    private const int MaxEventTypeInKey = 40;

    /// <param name="body">The body exactly as posted.</param>
    /// <param name="parsed">The same body, parsed.</param>
    /// <param name="receivedAt">Used for the partition only when the event carries no readable time.</param>
    /// <param name="fallbackEventType">The envelope's EventType, for a body that did not parse.</param>
    public static EventIdentity For(ReadOnlyMemory<byte> body, OneStreamEvent parsed, DateTimeOffset receivedAt, string fallbackEventType)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(CanonicalForm(body)));
        var eventType = parsed.EventType ?? fallbackEventType;
        if (eventType.Length > MaxEventTypeInKey)
        {
            eventType = eventType[..MaxEventTypeInKey];
        }

        string partition, time;
        if (parsed.OccurredAt is { } occurred)
        {
            var utc = occurred.UtcDateTime;
            partition = DatePartition(utc);
            time = utc.ToString("HHmmss", CultureInfo.InvariantCulture);
            var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
            if (fraction != 0)
            {
                // Trailing zeros dropped: decimal fractions then sort as text ('-' sorts before every digit).
                time += "." + fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
            }
        }
        else
        {
            partition = DatePartition(receivedAt.UtcDateTime);
            time = UndatedRowKeyPrefix;
        }

        return new EventIdentity
        {
            Hash = hash,
            PartitionKey = partition,
            RowKey = $"{time}-{TableKey.Encode(eventType)}-{hash[..ShortHashLength]}",
        };
    }

    public static string DatePartition(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DatePartition(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The JSON re-written with object properties sorted by case-folded name (the first of a repeated name wins,
    /// as in the parser), strings re-escaped one way, numbers as written. A body that is not JSON is its own form.
    /// </summary>
    public static byte[] CanonicalForm(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(JsonBody.ToUtf8(body), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            var buffer = new ArrayBufferWriter<byte>(body.Length);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(writer, document.RootElement);
            }

            return buffer.WrittenSpan.ToArray();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not JSON, or a string no UTF-16 can hold (a lone surrogate escape): the exact bytes are the identity.
            return body.ToArray();
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    properties.TryAdd(property.Name.ToLowerInvariant(), property.Value);
                }

                writer.WriteStartObject();
                foreach (var (name, value) in properties)
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            default:
                // Numbers keep their text (1 and 1.0 differ); true, false and null are what they are.
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
        }
    }
}
