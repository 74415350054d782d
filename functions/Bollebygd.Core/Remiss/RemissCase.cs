namespace Bollebygd.Core.Remiss;

/// <summary>
/// A remiss: a question about a case sent to an external party (a contractor, another authority) who answers through
/// a signed link by <see cref="Deadline"/>. <see cref="Extract"/> is the part of the case the officer chose to share.
/// </summary>
public sealed record RemissCase(
    string CaseId,
    string Id,
    string RecipientName,
    string RecipientEmail,
    string Question,
    string? Extract,
    DateTimeOffset SentAt,
    DateTimeOffset Deadline,
    string SentBy,
    RemissStatus Status = RemissStatus.Sent,
    DateTimeOffset? AnsweredAt = null,
    bool Reminded = false,
    string? ETag = null)
{
    /// <summary>How long after the deadline the link still works: a late answer is better than none.</summary>
    public static readonly TimeSpan LinkGrace = TimeSpan.FromDays(10);

    public DateTimeOffset LinkExpiresAt => Deadline + LinkGrace;

    public string InstanceId => $"remiss-{CaseId}-{Id}";
}
