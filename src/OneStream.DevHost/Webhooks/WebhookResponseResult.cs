using System.Globalization;
using OneStream.Ingest.Webhooks;

namespace OneStream.DevHost.Webhooks;

/// <summary>The receiver's answer as Kestrel sends it: status, JSON body and Retry-After, as the Functions app sends it.</summary>
public static class WebhookResponseResult
{
    public static IResult ToResult(this WebhookResponse response) => new Result(response);

    private sealed class Result(WebhookResponse response) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var http = httpContext.Response;
            http.StatusCode = response.StatusCode;
            if (response.RetryAfterSeconds is { } seconds)
            {
                http.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            http.ContentType = WebhookResponse.ContentType;
            return http.WriteAsync(response.ToJson(), httpContext.RequestAborted);
        }
    }
}
