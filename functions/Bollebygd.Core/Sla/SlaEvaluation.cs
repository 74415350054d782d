namespace Bollebygd.Core.Sla;

/// <summary>
/// One evaluation of a case's SLA: the state to carry on, the reminders due now, when to look again (null: only when
/// the case changes), whether the case is done with (closed or gone), and where it stands now.
/// </summary>
public sealed record SlaEvaluation(CaseSlaState State, IReadOnlyList<SlaNotice> Notices, DateTimeOffset? WakeAt, bool Ended, SlaStanding? Standing);
