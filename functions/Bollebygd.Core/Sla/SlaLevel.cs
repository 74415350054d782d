namespace Bollebygd.Core.Sla;

/// <summary>How a case stands against its targets, as lists and the case card show it.</summary>
public enum SlaLevel
{
    Ok,
    Warning,
    Breached,
    Paused,
    Met,
}
