using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using OneStream.Ingest.Processing;

namespace OneStream.Functions.Functions;

/// <summary>
/// TranscriptionReady from its own queue, so a bad transcription never holds calls back. Failures go back to the
/// host like <see cref="CallEventsFunction"/>'s.
/// </summary>
public sealed class TranscriptionsFunction(WebhookProcessor processor)
{
    [Function("ProcessTranscription")]
    public Task RunAsync(
        [QueueTrigger("%OneStream:Storage:TranscriptionsQueue%", Connection = "AzureWebJobsStorage")] QueueMessage message,
        CancellationToken cancellationToken) =>
        processor.ProcessAsync(message.Body.ToMemory(), message.MessageId, message.DequeueCount, cancellationToken);
}
