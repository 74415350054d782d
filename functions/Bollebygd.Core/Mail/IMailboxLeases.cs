namespace Bollebygd.Core.Mail;

/// <summary>Port: one poller per mailbox at a time, even when timers overlap or several instances run.</summary>
public interface IMailboxLeases
{
    /// <summary>The lease, or null when another poller holds it.</summary>
    Task<IMailboxLease?> TryAcquireAsync(string mailboxName, CancellationToken cancellationToken);
}
