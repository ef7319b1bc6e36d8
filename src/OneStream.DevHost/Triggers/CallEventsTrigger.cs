using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using OneStream.Ingest.Processing;

namespace OneStream.DevHost.Triggers;

/// <summary>
/// The Functions app's <c>ProcessCallEvent</c> on the WebJobs SDK: the same queue (by the same setting), the same
/// service. A failure goes back to the queue extension, which retries after visibilityTimeout and moves the
/// message to <c>-poison</c> after maxDequeueCount tries (host.json).
/// </summary>
public sealed class CallEventsTrigger(WebhookProcessor processor)
{
    [FunctionName("ProcessCallEvent")]
    public Task RunAsync(
        [QueueTrigger("%OneStream:Storage:CallEventsQueue%", Connection = "AzureWebJobsStorage")] QueueMessage message,
        CancellationToken cancellationToken) =>
        processor.ProcessAsync(message.Body.ToMemory(), message.MessageId, message.DequeueCount, cancellationToken);
}
