using Bollebygd.Core.Cases;

namespace Bollebygd.Core.Sla;

/// <summary>
/// The service levels of an e-service or category: targets per priority, when to warn (the share of a target used),
/// which statuses stop the clocks (the municipality waits for the citizen or a contractor), and whether an internal
/// note counts as a response (a phone call answered and written down).
/// </summary>
public sealed record SlaPolicy(
    string Id,
    IReadOnlyDictionary<CasePriority, SlaTimes> Times,
    double WarnAt,
    IReadOnlyList<CaseStatus> PauseStatuses,
    bool NoteCountsAsResponse)
{
    public SlaTimes For(CasePriority priority) =>
        Times.TryGetValue(priority, out var times) ? times : Times[CasePriority.Normal];

    public bool Pauses(CaseStatus status) => PauseStatuses.Contains(status);
}
