namespace Bollebygd.Core.Access;

/// <summary>What a staff endpoint does, for the permission check (<see cref="StaffPermissions"/>).</summary>
public enum StaffAction
{
    /// <summary>Who am I: any signed-in staff member.</summary>
    ReadOwnProfile,

    /// <summary>Lists and case cards of the user's groups.</summary>
    ReadCases,

    /// <summary>Reply, note, status, priority, claim, quick registration in the user's groups.</summary>
    WorkCases,

    /// <summary>Assign a case to someone else, merge, move between groups.</summary>
    ManageCases,

    /// <summary>Ask the router which group a text belongs to.</summary>
    SuggestRouting,

    /// <summary>Read the knowledge base.</summary>
    ReadKnowledge,

    /// <summary>Write and publish knowledge-base articles.</summary>
    EditKnowledge,

    /// <summary>Read a case's audit log.</summary>
    ReadAudit,

    /// <summary>Ask for a case to be registered in Platina (diarieföring).</summary>
    RegisterCases,

    /// <summary>Write a day's table backup back over the live tables (operations).</summary>
    RestoreBackups,
}
