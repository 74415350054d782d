namespace Bollebygd.Core.Mail;

/// <summary>
/// An e-mail about a case, on its way out through the one outgoing-mail queue (receipts, replies, reminders).
/// <see cref="Purpose"/> is unique within the case ("receipt", "reply-{entry id}", …): it names our Message-ID, so a
/// resent mail is recognisably the same, and the timeline entry that records the sending, so it is sent once.
/// <see cref="References"/> is the thread so far, oldest first; the last one is the mail this one answers.
/// </summary>
public sealed record OutgoingMail(
    string CaseId,
    string Purpose,
    MailContact From,
    MailContact To,
    string Subject,
    string TextBody,
    IReadOnlyList<string> References,
    int Attempt = 0)
{
    public const string ReceiptPurpose = "receipt";
    public const string ReplyPurposePrefix = "reply-";
    public const string ReminderPurposePrefix = "reminder-";

    public string MessageId => MessageIds.For(Purpose, CaseId);

    /// <summary>Receipts and reminders are machine-made (RFC 3834 Auto-Submitted); a reply is written by a person.</summary>
    public bool IsAutomatic => !Purpose.StartsWith(ReplyPurposePrefix, StringComparison.Ordinal);

    /// <summary>A reminder to staff or to a remiss's recipient: sent only in business time, retries included.</summary>
    public bool IsReminder => Purpose.StartsWith(ReminderPurposePrefix, StringComparison.Ordinal) || Purpose.EndsWith("-reminder", StringComparison.Ordinal);

    public string? InReplyTo => References.Count > 0 ? References[^1] : null;

    /// <summary>The id of the timeline entry that records that this mail went out.</summary>
    public string SentEntryId => "sent-" + Purpose;
}
