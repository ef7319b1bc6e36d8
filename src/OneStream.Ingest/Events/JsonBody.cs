using System.Text;
using System.Text.Unicode;

namespace OneStream.Ingest.Events;

/// <summary>
/// What a webhook body may carry besides plain UTF-8 JSON, and how it is read anyway. The receiver accepts a
/// leading BOM and text in another single-byte encoding (stored byte for byte through the claim check); every
/// reader of the body goes through <see cref="ToUtf8"/>, so such an event is parsed, not just kept.
/// </summary>
public static class JsonBody
{
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static bool StartsWithBom(ReadOnlySpan<byte> body) => body.StartsWith(Utf8Bom);

    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> body) => StartsWithBom(body) ? body[Utf8Bom.Length..] : body;

    /// <summary>
    /// The body as UTF-8 JSON text: without a BOM, and, when its bytes are not valid UTF-8, read as Latin-1 (the
    /// likeliest other encoding of a caller name such as "José") and re-encoded.
    /// </summary>
    public static ReadOnlyMemory<byte> ToUtf8(ReadOnlyMemory<byte> body)
    {
        if (StartsWithBom(body.Span))
        {
            body = body[Utf8Bom.Length..];
        }

        return Utf8.IsValid(body.Span) ? body : Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(body.Span));
    }
}
