using Bollebygd.Core.Cases;
using Bollebygd.Core.Events;
using Bollebygd.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Events;

/// <summary>
/// The <c>case-events</c> queue's handler: publishes what is new about the case on the case-events topic. A failure
/// to send throws, so the message is tried again (and, after five tries, waits in the poison queue, which raises an
/// operator alert); the case itself never waits for Service Bus.
/// </summary>
public sealed class CaseEventsFunction(CaseEventPublisher publisher)
{
    public const string Name = "CaseEvents";

    [Function(Name)]
    public Task Run([QueueTrigger(QueueNames.CaseEvents)] CaseChanged message, CancellationToken cancellationToken) =>
        publisher.PublishAsync(message.CaseId, cancellationToken);
}
