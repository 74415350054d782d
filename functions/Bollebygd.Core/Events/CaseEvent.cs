namespace Bollebygd.Core.Events;

/// <summary>
/// An integration event about a case, as other systems receive it on the <c>case-events</c> topic. No personal data:
/// the reference, the competence group, the e-service and the diary number say which case it is; a subscriber with
/// the right to know asks the API for more. <see cref="Id"/> is stable for the same event (the message id, so Service
/// Bus drops a resent one).
/// </summary>
public sealed record CaseEvent(
    string Id,
    string Type,
    string CaseId,
    string Reference,
    DateTimeOffset OccurredAt,
    string Group,
    string? ServiceId,
    string? DiaryNumber);
