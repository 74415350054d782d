namespace Bollebygd.Core.Mail;

/// <summary>
/// The right to poll one mailbox for a while, with the mailbox's watermark. Disposing releases it early.
/// </summary>
public interface IMailboxLease : IAsyncDisposable
{
    MailboxWatermark Watermark { get; }

    /// <summary>Renews the lease; throws <see cref="MailboxLeaseLostException"/> when another poller holds it now.</summary>
    Task RenewAsync(CancellationToken cancellationToken);

    /// <summary>Saves the watermark and renews the lease; throws <see cref="MailboxLeaseLostException"/> when it was lost.</summary>
    Task AdvanceAsync(MailboxWatermark watermark, CancellationToken cancellationToken);
}
