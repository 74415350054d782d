using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Storage;
using Bollebygd.Core.Utility;

namespace Bollebygd.Adapters.Utility;

public sealed class QueueUtilityQueue(StorageResources storage) : IUtilityQueue
{
    public Task EnqueueAsync(UtilityRequest request, TimeSpan? delay, CancellationToken cancellationToken) =>
        storage.EnqueueJsonAsync(QueueNames.EdpRequests, request, delay, cancellationToken);
}
