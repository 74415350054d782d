using System.Text.Json;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Mail;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Mail;

public sealed class QueueOutgoingMailQueue(StorageResources storage) : IOutgoingMailQueue
{
    public async Task EnqueueAsync(OutgoingMail mail, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var queue = await storage.QueueAsync(QueueNames.OutgoingMail, cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(mail, JsonSerializerOptions.Web), delay, cancellationToken: cancellationToken);
    }
}
