using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OneStream.Ingest.Webhooks;

namespace OneStream.Functions.Functions;

/// <summary>
/// 1stream's Receiver URL. 1stream can only be given a URL, so the function key travels in it as <c>?code=</c>.
/// A GET with a valid key lets a user check the URL before pasting it into 1stream.
/// </summary>
public sealed class WebhookFunction(WebhookReceiver receiver)
{
    public const string Route = WebhookRoute.Path;

    [Function("OneStreamWebhook")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", "post", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var response = HttpMethods.IsGet(request.Method)
            ? receiver.Ready()
            : await receiver.ReceiveAsync(request.Body, request.ContentLength, cancellationToken);
        return response.ToActionResult(request.HttpContext.Response);
    }
}
