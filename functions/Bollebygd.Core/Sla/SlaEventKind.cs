namespace Bollebygd.Core.Sla;

/// <summary>What happened to a case that the SLA clocks care about.</summary>
public enum SlaEventKind
{
    /// <summary>The municipality answered publicly (or wrote a note, when the policy counts notes).</summary>
    Responded,

    /// <summary>An internal note; a response only when the policy says so.</summary>
    Noted,

    /// <summary>The citizen wrote again: the next answer is owed.</summary>
    CitizenReplied,

    StatusChanged,

    PriorityChanged,

    Resolved,

    Reopened,
}
