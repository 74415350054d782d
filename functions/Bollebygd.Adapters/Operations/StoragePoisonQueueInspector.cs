using Azure.Storage.Queues;
using Bollebygd.Core.Operations;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Operations;

/// <summary>Counts the messages in every <c>*-poison</c> queue of the storage account.</summary>
public sealed class StoragePoisonQueueInspector(QueueServiceClient queues) : IPoisonQueueInspector
{
    public async Task<IReadOnlyList<PoisonQueueCount>> CountPoisonMessagesAsync(CancellationToken cancellationToken)
    {
        var counts = new List<PoisonQueueCount>();
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            if (!QueueNames.IsPoison(queue.Name))
            {
                continue;
            }
            var properties = await queues.GetQueueClient(queue.Name).GetPropertiesAsync(cancellationToken);
            counts.Add(new PoisonQueueCount(queue.Name, properties.Value.ApproximateMessagesCount));
        }
        return counts;
    }
}
