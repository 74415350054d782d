namespace Bollebygd.Core.Cases;

/// <summary>
/// One line of a case's timeline. <see cref="IsPublic"/> entries are what the citizen sees. <see cref="MessageId"/> is
/// the e-mail behind the entry (a citizen's mail in, or ours out): replies are threaded on it, and the raw message is
/// kept under it.
/// </summary>
public sealed record TimelineEntry(
    string Id,
    DateTimeOffset At,
    TimelineEntryKind Kind,
    string Author,
    string Text,
    IReadOnlyList<Attachment> Attachments,
    string? MessageId = null)
{
    public bool IsPublic => Kind is TimelineEntryKind.Received or TimelineEntryKind.CitizenMessage or TimelineEntryKind.MunicipalityMessage;
}
