namespace OneStream.Ingest.Webhooks;

/// <summary>
/// Where 1stream posts, below the hosts' <c>/api</c> prefix: the same route in Azure, under <c>func start</c> and in
/// the local DevHost, so a URL that works locally works deployed with its <c>?code=</c> added.
/// </summary>
public static class WebhookRoute
{
    public const string Path = "onestream/webhook";
}
