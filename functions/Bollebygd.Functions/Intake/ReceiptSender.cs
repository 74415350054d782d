using Bollebygd.Core.Intake;
using Bollebygd.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Bollebygd.Functions.Intake;

/// <summary>Sends the mottagningskvittens for each message on the <c>receipts</c> queue.</summary>
public sealed class ReceiptSender(ReceiptService receipts)
{
    [Function("ReceiptSender")]
    public Task Run([QueueTrigger(QueueNames.Receipts)] ReceiptRequest request, CancellationToken cancellationToken) =>
        receipts.SendAsync(request, cancellationToken);
}
