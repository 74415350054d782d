namespace Bollebygd.Core.Mail;

/// <summary>Port: the one queue of mail to send.</summary>
public interface IOutgoingMailQueue
{
    /// <summary>Queues the mail, to be sent after <paramref name="delay"/> (a retry's backoff) or at once.</summary>
    Task EnqueueAsync(OutgoingMail mail, TimeSpan? delay, CancellationToken cancellationToken);
}
