using Azure.Storage.Queues;
using Bollebygd.Core.Operations;

namespace Bollebygd.Adapters.Storage;

public sealed class QueueHealthProbe(QueueServiceClient queues) : IHealthProbe
{
    public string Name => "queues";

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in queues.GetQueuesAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
        {
            return;
        }
    }
}
