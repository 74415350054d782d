namespace Bollebygd.Core.Sla;

/// <summary>
/// What the CaseSla orchestration carries from one evaluation to the next (and across ContinueAsNew): the clocks, the
/// timeline entries already counted, and the reminders already given — so each is counted and given once.
/// </summary>
public sealed record CaseSlaState(string CaseId, SlaTrackerState? Tracker, IReadOnlyList<string> Counted, IReadOnlyList<string> Given)
{
    /// <summary>How many keys of each kind are kept; older ones belong to clocks long stopped.</summary>
    public const int MaxKeys = 500;

    public static CaseSlaState New(string caseId) => new(caseId, null, [], []);
}
