namespace Bollebygd.Core.Events;

/// <summary>Port: where case events go (a Service Bus topic in Azure). <see cref="Enabled"/> is false when none is configured.</summary>
public interface ICaseEventBus
{
    bool Enabled { get; }

    /// <summary>Sends the events together; throws when they could not be sent (they are then sent again, with the same ids).</summary>
    Task PublishAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken);
}
