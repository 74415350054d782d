namespace Bollebygd.Core.Intake;

/// <summary>What the citizen's status page shows: no internal notes, no identity numbers.</summary>
public sealed record CaseView(
    string CaseReference,
    CaseViewService Service,
    string Status,
    DateTimeOffset SubmittedAt,
    bool CanReply,
    IReadOnlyList<CaseViewMessage> Messages);
