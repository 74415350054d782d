namespace Bollebygd.Core.Sms;

/// <summary>Port: the queue of text messages to send.</summary>
public interface ISmsQueue
{
    Task EnqueueAsync(OutgoingSms sms, TimeSpan? delay, CancellationToken cancellationToken);
}
