namespace Bollebygd.Core.Remiss;

public enum RemissStatus
{
    /// <summary>Sent; the answer is awaited.</summary>
    Sent,

    /// <summary>The external party answered.</summary>
    Answered,

    /// <summary>The deadline passed without an answer: the case went back to its group, flagged.</summary>
    Overdue,

    /// <summary>The case was closed before an answer came: nothing more is awaited.</summary>
    Cancelled,
}
