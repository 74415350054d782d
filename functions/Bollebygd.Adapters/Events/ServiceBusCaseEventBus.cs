using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Bollebygd.Core.Events;

namespace Bollebygd.Adapters.Events;

/// <summary>
/// Case events on a Service Bus topic: one JSON message per event (<see cref="CaseEvent"/> in camelCase), the event's
/// id as the message id (duplicate detection), its type as the subject, the case id as correlation id and session
/// key-free application properties <c>type</c> and <c>group</c> for subscription filters. Sent as one batch.
/// </summary>
public sealed class ServiceBusCaseEventBus(ServiceBusSender sender) : ICaseEventBus
{
    public bool Enabled => true;

    public async Task PublishAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
    {
        using var batch = await sender.CreateMessageBatchAsync(cancellationToken);
        foreach (var e in events)
        {
            if (!batch.TryAddMessage(ToMessage(e)))
            {
                throw new InvalidOperationException($"Case event {e.Id} does not fit in a Service Bus batch.");
            }
        }
        await sender.SendMessagesAsync(batch, cancellationToken);
    }

    public static ServiceBusMessage ToMessage(CaseEvent e) => new(BinaryData.FromObjectAsJson(e, JsonSerializerOptions.Web))
    {
        MessageId = e.Id,
        Subject = e.Type,
        CorrelationId = e.CaseId,
        ContentType = "application/json",
        ApplicationProperties =
        {
            ["type"] = e.Type,
            ["group"] = e.Group,
        },
    };

    /// <summary>How a subscriber reads one back.</summary>
    public static CaseEvent FromMessage(ServiceBusReceivedMessage message) =>
        message.Body.ToObjectFromJson<CaseEvent>(JsonSerializerOptions.Web)
        ?? throw new FormatException($"Message {message.MessageId} is not a case event.");
}
