using System.Text.Json;
using Bollebygd.Adapters.Storage;
using Bollebygd.Core.Intake;
using Bollebygd.Core.Storage;

namespace Bollebygd.Adapters.Intake;

public sealed class QueueReceiptQueue(StorageResources storage) : IReceiptQueue
{
    public async Task EnqueueAsync(ReceiptRequest request, CancellationToken cancellationToken)
    {
        var queue = await storage.QueueAsync(QueueNames.Receipts, cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(request, JsonSerializerOptions.Web), cancellationToken);
    }
}
