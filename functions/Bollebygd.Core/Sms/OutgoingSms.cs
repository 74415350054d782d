namespace Bollebygd.Core.Sms;

/// <summary>
/// A text message about a case on its way out through the SMS gateway. <see cref="Purpose"/> is unique within the
/// case and names the timeline entry that records the sending, so it is sent once.
/// </summary>
public sealed record OutgoingSms(string CaseId, string Purpose, string To, string Text, int Attempt = 0)
{
    public string SentEntryId => "sent-sms-" + Purpose;

    public string FailedEntryId => "failed-sms-" + Purpose;
}
