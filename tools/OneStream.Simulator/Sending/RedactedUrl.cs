namespace OneStream.Simulator.Sending;

/// <summary>
/// A receiver URL fit for output: a deployed Function's key travels in the query string (?code=…),
/// so the query is never shown, nor anything that quotes it.
/// </summary>
public static class RedactedUrl
{
    public const string Placeholder = "?<redacted>";

    public static string Of(Uri url) =>
        url.GetLeftPart(UriPartial.Path) + (string.IsNullOrEmpty(url.Query) ? "" : Placeholder);

    /// <summary>Text with the URL's query string, and each of its values, taken out.</summary>
    public static string Scrub(string text, Uri url)
    {
        if (string.IsNullOrEmpty(url.Query))
        {
            return text;
        }

        var scrubbed = text.Replace(url.Query, Placeholder, StringComparison.Ordinal);
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var value = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
            foreach (var form in new[] { value, Uri.UnescapeDataString(value) }.Where(form => form.Length > 0))
            {
                scrubbed = scrubbed.Replace(form, "<redacted>", StringComparison.Ordinal);
            }
        }

        return scrubbed;
    }
}
