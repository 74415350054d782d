namespace Bollebygd.Core.Sla;

/// <summary>Who an SLA reminder goes to. Whoever cannot be found is replaced by the group's function mailbox.</summary>
public enum SlaRecipient
{
    /// <summary>The case's assignee; the group when nobody has the case.</summary>
    Assignee,

    /// <summary>The leads (gruppledare) of the case's group.</summary>
    Lead,

    /// <summary>The group's supervisor (the förvaltning's manager), as configured for the group.</summary>
    Supervisor,
}
