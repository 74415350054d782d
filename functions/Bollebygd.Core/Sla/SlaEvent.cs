using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Sla;

/// <summary>An event for the SLA clocks, with the new status or priority when it is about one.</summary>
public sealed record SlaEvent(SlaEventKind Kind, DateTimeOffset At, CaseStatus? Status = null, CasePriority? Priority = null);
