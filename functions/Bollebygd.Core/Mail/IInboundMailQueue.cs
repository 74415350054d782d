namespace Bollebygd.Core.Mail;

/// <summary>Port: the queue of stored mail waiting to become cases or timeline entries.</summary>
public interface IInboundMailQueue
{
    Task EnqueueAsync(InboundMailMessage message, CancellationToken cancellationToken);
}
