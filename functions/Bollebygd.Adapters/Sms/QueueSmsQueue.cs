using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Sms;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Sms;

public sealed class QueueSmsQueue(StorageResources storage) : ISmsQueue
{
    public Task EnqueueAsync(OutgoingSms sms, TimeSpan? delay, CancellationToken cancellationToken) =>
        storage.EnqueueJsonAsync(QueueNames.OutgoingSms, sms, delay, cancellationToken);
}
