namespace Bollebygd.Core.Mail;

/// <summary>
/// The poller's lease on a mailbox ran out and another poller holds it now: this one stops, and nothing is lost, as
/// the other reads on from the watermark.
/// </summary>
public sealed class MailboxLeaseLostException(string mailbox, Exception? inner = null)
    : Exception($"The lease on mailbox {mailbox} was lost to another poller.", inner);
