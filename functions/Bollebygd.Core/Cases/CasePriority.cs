namespace Bollebygd.Core.Cases;

/// <summary>How urgent a case is; queues show the most urgent first.</summary>
public enum CasePriority
{
    Low,
    Normal,
    High,
    Urgent,
}
