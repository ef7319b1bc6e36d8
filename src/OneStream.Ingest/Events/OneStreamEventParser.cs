using System.Globalization;
using System.Text.Json;

namespace OneStream.Ingest.Events;

/// <summary>
/// Turns a webhook body into a <see cref="OneStreamEvent"/>. It never throws on content: property names match
/// case-insensitively, numbers and booleans are read as their text, and anything unreadable becomes a problem
/// on the result while the other fields still parse.
/// </summary>
public static class OneStreamEventParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static OneStreamEvent Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(JsonBody.ToUtf8(body), DocumentOptions);
        }
        catch (JsonException ex)
        {
            return new OneStreamEvent { Problems = [$"body: not valid JSON ({ex.Message})"] };
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new OneStreamEvent { Problems = ["body: not a JSON object"] };
            }

            return Read(document.RootElement);
        }
    }

    private static OneStreamEvent Read(JsonElement root)
    {
        var problems = new List<string>();
        var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            // A repeated name keeps its first value, as most JSON readers 1stream's users would use do.
            fields.TryAdd(property.Name, property.Value);
        }

        string? Text(string name, bool trim = true) => ReadText(fields, name, trim, problems);

        var eventType = Text("EventType");
        var stampText = Text("DateTimeStamp");
        DateTimeOffset? occurredAt = null;
        if (stampText is not null)
        {
            if (EventTimestamp.TryParse(stampText, out var parsed))
            {
                occurredAt = parsed;
            }
            else
            {
                problems.Add($"DateTimeStamp: '{Shorten(stampText)}' is not a date");
            }
        }

        return new OneStreamEvent
        {
            EventType = eventType is null ? null : EventTypes.Canonical(eventType),
            ExtensionNumber = Text("ExtensionNumber"),
            CallId = Text("CallID"),
            FromPhone = Text("FromPhone"),
            FromCallerId = Text("FromCallerID"),
            ToPhone = Text("ToPhone"),
            ToCallerId = Text("ToCallerID"),
            OccurredAt = occurredAt,
            DateTimeStampText = stampText,
            Queue = Text("Queue"),
            Transcription = Text("Transcription", trim: false),
            Problems = problems,
        };
    }

    private static string? ReadText(Dictionary<string, JsonElement> fields, string name, bool trim, List<string> problems)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return null;
        }

        string? text;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text = value.GetString();
                break;
            case JsonValueKind.Number:
                text = value.GetRawText();
                break;
            case JsonValueKind.True or JsonValueKind.False:
                text = value.GetBoolean() ? "true" : "false";
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            default:
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: expected a string, got {value.ValueKind}"));
                return null;
        }

        return IsEmpty(text) ? null : trim ? text!.Trim() : text;
    }

    /// <summary>1stream writes "nothing" three ways: null, "" and "na".</summary>
    public static bool IsEmpty(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Equals("na", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
