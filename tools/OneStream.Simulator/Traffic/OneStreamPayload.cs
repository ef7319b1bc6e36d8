using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OneStream.Simulator.Traffic;

/// <summary>
/// One webhook body with the ten fields of the vendor's examples, in the vendor's order. FromCallerID is null
/// unless a caller ID was found; the other fields are strings, empty or "na" where 1stream has nothing to say.
/// </summary>
public sealed record OneStreamPayload(
    string EventType,
    string ExtensionNumber,
    string CallId,
    string FromPhone,
    string? FromCallerId,
    string ToPhone,
    string ToCallerId,
    DateTime DateTimeStamp,
    string Queue,
    string Transcription)
{
    // The default encoder writes '+' as \u002B; a phone number should read as 1stream sends it.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The compact JSON body, property names spelt as 1stream spells them.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(512 + Transcription.Length);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("EventType", EventType);
            writer.WriteString("ExtensionNumber", ExtensionNumber);
            writer.WriteString("CallID", CallId);
            writer.WriteString("FromPhone", FromPhone);
            writer.WriteString("FromCallerID", FromCallerId);
            writer.WriteString("ToPhone", ToPhone);
            writer.WriteString("ToCallerID", ToCallerId);
            writer.WriteString("DateTimeStamp", VendorTime.Write(DateTimeStamp));
            writer.WriteString("Queue", Queue);
            writer.WriteString("Transcription", Transcription);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
