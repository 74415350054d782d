namespace Bollebygd.Core.Mail;

/// <summary>What one poll of one mailbox did.</summary>
public sealed record MailboxPollResult(string Mailbox, bool Polled, int Queued, string? Error = null)
{
    public static MailboxPollResult Busy(string mailbox) => new(mailbox, false, 0);
}
