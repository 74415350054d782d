namespace Bollebygd.Core.Sla;

/// <summary>The clock that matters most now: its level, when it falls due, and the business time left (negative: overdue).</summary>
public sealed record SlaStanding(SlaLevel Level, SlaTarget? Target, DateTimeOffset? DueAt, TimeSpan Remaining);
