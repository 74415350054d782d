namespace Bollebygd.Core.Cases;

/// <summary>Where a case is in the municipality's own handling. The citizen sees <see cref="CitizenStatus"/>.</summary>
public enum CaseStatus
{
    /// <summary>Inkommen: arrived, nobody has looked at it yet.</summary>
    Received,

    /// <summary>Assigned to a group or person and being worked on.</summary>
    InProgress,

    /// <summary>Escalated to a specialist group, a remiss or the registry; still being handled.</summary>
    Escalated,

    /// <summary>The municipality asked the citizen for a complement and waits.</summary>
    AwaitingCitizen,

    /// <summary>The citizen answered a request for a complement.</summary>
    Complemented,

    /// <summary>Answered and finished.</summary>
    Closed,

    /// <summary>Sent on remiss to an external party (a contractor, another authority) and waiting for their answer.</summary>
    AwaitingRemiss,
}
