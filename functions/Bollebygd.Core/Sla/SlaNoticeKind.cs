namespace Bollebygd.Core.Sla;

public enum SlaNoticeKind
{
    /// <summary>A target is near: most of its business time is used.</summary>
    Warning,

    /// <summary>A target has passed; one step of the ladder.</summary>
    Breach,

    /// <summary>The resolution is overdue by the policy's margin: the citizen should be told (förvaltningslagen 11 §).</summary>
    DelayNotice,
}
