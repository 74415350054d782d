using System.Text.Json;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Mail;

public sealed class QueueInboundMailQueue(StorageResources storage) : IInboundMailQueue
{
    public async Task EnqueueAsync(InboundMailMessage message, CancellationToken cancellationToken)
    {
        var queue = await storage.QueueAsync(QueueNames.InboundMail, cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(message, JsonSerializerOptions.Web), cancellationToken);
    }
}
