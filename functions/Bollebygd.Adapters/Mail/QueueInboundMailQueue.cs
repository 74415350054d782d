using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Mail;

public sealed class QueueInboundMailQueue(StorageResources storage) : IInboundMailQueue
{
    public Task EnqueueAsync(InboundMailMessage message, CancellationToken cancellationToken) =>
        storage.EnqueueJsonAsync(QueueNames.InboundMail, message, null, cancellationToken);
}
