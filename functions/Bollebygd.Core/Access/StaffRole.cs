namespace Bollebygd.Core.Access;

/// <summary>The staff roles (Entra ID app roles of the same names).</summary>
public enum StaffRole
{
    /// <summary>Kundtjänst, first line: works the queues of their groups and Triage.</summary>
    Agent,

    /// <summary>An officer in a förvaltning, second line: works the queues of their groups.</summary>
    Specialist,

    /// <summary>Leads their groups: also assigns others' cases, edits the knowledge base and reads the audit log.</summary>
    Lead,

    /// <summary>Registers cases in Platina (diarieföring).</summary>
    Registrator,

    /// <summary>Runs the system: every group, the knowledge base, the audit log.</summary>
    Admin,
}
