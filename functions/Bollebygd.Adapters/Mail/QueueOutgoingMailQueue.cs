using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Mail;

public sealed class QueueOutgoingMailQueue(StorageResources storage) : IOutgoingMailQueue
{
    public Task EnqueueAsync(OutgoingMail mail, TimeSpan? delay, CancellationToken cancellationToken) =>
        storage.EnqueueJsonAsync(QueueNames.OutgoingMail, mail, delay, cancellationToken);
}
