namespace Bollebygd.Core.Sla;

/// <summary>Whether a clock runs, waits (paused) or has stopped (its target met, or nothing to answer).</summary>
public enum SlaClockState
{
    Running,
    Paused,
    Stopped,
}
