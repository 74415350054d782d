using Bollebygd.Core.Events;

namespace Bollebygd.Adapters.Events;

/// <summary>No Service Bus configured: nothing is published, and nothing is recorded as published.</summary>
public sealed class DisabledCaseEventBus : ICaseEventBus
{
    public bool Enabled => false;

    public Task PublishAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No case-events bus is configured (CaseEvents:FullyQualifiedNamespace).");
}
