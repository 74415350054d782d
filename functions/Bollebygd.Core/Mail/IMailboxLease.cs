namespace Bollebygd.Core.Mail;

/// <summary>
/// The right to poll one mailbox for a while, with the mailbox's watermark. Disposing releases it early.
/// </summary>
public interface IMailboxLease : IAsyncDisposable
{
    MailboxWatermark Watermark { get; }

    /// <summary>Saves the watermark and renews the lease; throws when the lease was lost to another poller.</summary>
    Task AdvanceAsync(MailboxWatermark watermark, CancellationToken cancellationToken);
}
