namespace Bollebygd.Core.Sla;

/// <summary>What a clock measures.</summary>
public enum SlaTarget
{
    /// <summary>From arrival to the first answer.</summary>
    FirstResponse,

    /// <summary>From the citizen's new message to the next answer.</summary>
    NextResponse,

    /// <summary>From arrival to closing.</summary>
    Resolution,

    /// <summary>From a remiss sent to the external party's answer.</summary>
    RemissAnswer,
}
