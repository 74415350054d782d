namespace Bollebygd.Core.Intake;

/// <summary>Port: the queue of receipts to send.</summary>
public interface IReceiptQueue
{
    Task EnqueueAsync(ReceiptRequest request, CancellationToken cancellationToken);
}
