using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using OneStream.Ingest.Webhooks;

namespace OneStream.Functions.Functions;

internal static class WebhookResponseExtensions
{
    public static IActionResult ToActionResult(this WebhookResponse response, HttpResponse httpResponse)
    {
        if (response.RetryAfterSeconds is { } seconds)
        {
            httpResponse.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return new ContentResult
        {
            StatusCode = response.StatusCode,
            ContentType = WebhookResponse.ContentType,
            Content = response.ToJson(),
        };
    }
}
