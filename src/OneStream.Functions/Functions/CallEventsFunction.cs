using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using OneStream.Ingest.Processing;

namespace OneStream.Functions.Functions;

/// <summary>
/// CallRinging, CallConnected, CallEnd (and unknown EventTypes) from the call-events queue into the tables.
/// An exception goes back to the host, which makes the message visible again after visibilityTimeout and moves it
/// to the <c>-poison</c> queue after maxDequeueCount tries (host.json).
/// </summary>
public sealed class CallEventsFunction(WebhookProcessor processor)
{
    [Function("ProcessCallEvent")]
    public Task RunAsync(
        [QueueTrigger("%OneStream:Storage:CallEventsQueue%", Connection = "AzureWebJobsStorage")] QueueMessage message,
        CancellationToken cancellationToken) =>
        processor.ProcessAsync(message.Body.ToMemory(), message.MessageId, message.DequeueCount, cancellationToken);
}
