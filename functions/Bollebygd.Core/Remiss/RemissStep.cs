namespace Bollebygd.Core.Remiss;

/// <summary>One look at a remiss by its workflow: when to look again, or that it is done (answered, overdue, gone).</summary>
public sealed record RemissStep(DateTimeOffset? WakeAt, bool Ended);
