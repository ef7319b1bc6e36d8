using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using OneStream.Ingest.Processing;

namespace OneStream.DevHost.Triggers;

/// <summary>The Functions app's <c>ProcessTranscription</c> on the WebJobs SDK; see <see cref="CallEventsTrigger"/>.</summary>
public sealed class TranscriptionsTrigger(WebhookProcessor processor)
{
    [FunctionName("ProcessTranscription")]
    public Task RunAsync(
        [QueueTrigger("%OneStream:Storage:TranscriptionsQueue%", Connection = "AzureWebJobsStorage")] QueueMessage message,
        CancellationToken cancellationToken) =>
        processor.ProcessAsync(message.Body.ToMemory(), message.MessageId, message.DequeueCount, cancellationToken);
}
