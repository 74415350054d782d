namespace Bollebygd.Core.Operations;

/// <summary>
/// Output of the durable probe: when it started, when its durable timer was due and when the orchestration resumed
/// after it, as the activities observed them.
/// </summary>
public sealed record DurableProbeResult(
    DateTimeOffset StartedAt,
    DateTimeOffset TimerDueAt,
    DateTimeOffset ResumedAt)
{
    /// <summary>How late the durable timer fired compared to its due time.</summary>
    public TimeSpan TimerLag => ResumedAt - TimerDueAt;
}
