namespace Bollebygd.Core.Operations;

/// <summary>Port: lists every poison queue in the storage account with its message count.</summary>
public interface IPoisonQueueInspector
{
    Task<IReadOnlyList<PoisonQueueCount>> CountPoisonMessagesAsync(CancellationToken cancellationToken);
}
