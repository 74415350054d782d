namespace Bollebygd.Core.Cases;

/// <summary>One line of a case's timeline. <see cref="IsPublic"/> entries are what the citizen sees.</summary>
public sealed record TimelineEntry(
    string Id,
    DateTimeOffset At,
    TimelineEntryKind Kind,
    string Author,
    string Text,
    IReadOnlyList<Attachment> Attachments)
{
    public bool IsPublic => Kind is TimelineEntryKind.Received or TimelineEntryKind.CitizenMessage or TimelineEntryKind.MunicipalityMessage;
}
