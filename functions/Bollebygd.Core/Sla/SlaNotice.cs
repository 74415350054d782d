namespace Bollebygd.Core.Sla;

/// <summary>
/// A reminder that is due: what kind, about which target (due at <see cref="DueAt"/>), to whom, and at which step of
/// the ladder. <see cref="Key"/> names it for good, so it is given once however often the case is evaluated.
/// </summary>
public sealed record SlaNotice(string Key, SlaNoticeKind Kind, SlaTarget Target, SlaRecipient Recipient, DateTimeOffset DueAt, int Step = 0);
