using OneStream.Ingest.Webhooks;

namespace OneStream.DevHost.Webhooks;

/// <summary>
/// 1stream's Receiver URL on Kestrel, at the path the Functions app answers on; the same <see cref="WebhookReceiver"/>
/// answers. No key, as under <c>func start</c>.
/// </summary>
public static class WebhookEndpoint
{
    public const string Path = "/api/" + WebhookRoute.Path;

    public static IEndpointConventionBuilder MapOneStreamWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], async (HttpRequest request, WebhookReceiver receiver, CancellationToken cancellationToken) =>
        {
            var response = HttpMethods.IsGet(request.Method)
                ? receiver.Ready()
                : await receiver.ReceiveAsync(request.Body, request.ContentLength, cancellationToken);
            return response.ToResult();
        });
}
