namespace Bollebygd.Core.Mail;

/// <summary>What became of one attempt to send an outgoing mail.</summary>
public abstract record MailDelivery
{
    public sealed record Sent : MailDelivery;

    /// <summary>It went out before (a redelivered queue message): nothing was sent again.</summary>
    public sealed record AlreadySent : MailDelivery;

    /// <summary>The server refused it for good; the timeline says so.</summary>
    public sealed record Rejected(string Reason) : MailDelivery;

    /// <summary>The server could not be reached or failed; queue the mail again after the delay.</summary>
    public sealed record RetryLater(OutgoingMail Next, TimeSpan Delay) : MailDelivery;
}
