using System.Diagnostics;
using System.Text;
using OneStream.Simulator.Traffic;

namespace OneStream.Simulator.Sending;

/// <summary>
/// POSTs a plan's bodies to a receiver, at most <paramref name="concurrency"/> at a time, in plan order as far as
/// concurrency allows. It never retries: the plan's duplicates are 1stream's retries.
/// </summary>
public sealed class WebhookSender(HttpClient httpClient, Uri url, int concurrency)
{
    public async Task<SendReport> SendAsync(
        IReadOnlyList<PlannedPost> posts,
        SendProgress? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var results = new PostResult[posts.Count];
        var started = Stopwatch.GetTimestamp();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, posts.Count), parallel, async (index, token) =>
        {
            results[index] = await PostAsync(posts[index], token);
            progress?.Record(results[index]);
        });
        return new SendReport(results, Stopwatch.GetElapsedTime(started));
    }

    private async Task<PostResult> PostAsync(PlannedPost post, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var content = new StringContent(post.Body, Encoding.UTF8, "application/json");
            using var response = await httpClient.PostAsync(url, content, cancellationToken);
            // Drain the answer so the connection goes back to the pool.
            await response.Content.CopyToAsync(Stream.Null, cancellationToken);
            return new(post.Sequence, (int)response.StatusCode, Stopwatch.GetElapsedTime(started), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException
            && !cancellationToken.IsCancellationRequested)
        {
            var error = RedactedUrl.Scrub($"{exception.GetType().Name}: {exception.Message}", url);
            return new(post.Sequence, null, Stopwatch.GetElapsedTime(started), error);
        }
    }
}
